"""Savings: by financial year, cumulative, charted, every line and the re-allocations; and
adding and changing a savings line."""

from decimal import Decimal

from django.views.generic import TemplateView
from django_tables2 import RequestConfig

from core import savings
from programmes.forms.savings import SavingsLineCreateForm, SavingsLineEditForm
from programmes.models import SavingsLine
from programmes.savings_chart import savings_chart_svg
from programmes.tables import SavingsLineTable, savings_line_words

from .mixins import RegisterMixin
from .records import RecordCreateView, RecordEditView


class SavingsView(RegisterMixin, TemplateView):
    """Savings by financial year (cashable and non-cashable apart), cumulative, the lines with
    no year, the chart, every line, and the re-allocations."""

    page_title = "Savings"
    template_name = "programmes/savingsline_list.html"

    def get_context_data(self, **kwargs):
        lines = list(
            self.rights.scope(self.programme.savingslines.select_related("service_area")).order_by(
                "financial_year", "order", "id"
            )
        )
        kinds = savings.by_kind_and_year(lines, SavingsLine.Kind.choices)
        table = SavingsLineTable(
            lines,
            caption=f"Every savings line of {self.programme.name}",
            programme=self.programme,
            rights=self.rights,
            exclude=() if self.may_add else ("change",),
        )
        RequestConfig(self.request, paginate=False).configure(table)
        reallocations = list(
            self.rights.scope(
                self.programme.savingsreallocations.select_related("service_area")
            ).order_by("order", "id")
        )
        return super().get_context_data(
            kinds=kinds,
            undated=[line for line in lines if line.financial_year is None],
            chart=savings_chart_svg(self.programme, lines=lines),
            table=table,
            reallocations=reallocations,
            reallocated_total=sum(
                (r.amount for r in reallocations if r.amount is not None), Decimal(0)
            ),
            **kwargs,
        )


class SavingsLineCreateView(RecordCreateView):
    page_title = "Savings"
    model = SavingsLine
    form_class = SavingsLineCreateForm
    list_url_name = "registers:savings"
    noun = "savings line"
    a_noun = "a savings line"

    def describe(self, record) -> str:
        return f"the {savings_line_words(record)} savings line"


class SavingsLineEditView(RecordEditView):
    page_title = "Savings"
    model = SavingsLine
    form_class = SavingsLineEditForm
    list_url_name = "registers:savings"
    noun = "savings line"
    a_noun = "a savings line"

    def describe(self, record) -> str:
        return f"the {savings_line_words(record)} savings line"
