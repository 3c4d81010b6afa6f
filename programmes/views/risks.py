"""The risk register: the risk log and its heat map, and adding and changing a risk."""

from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from programmes.filters import RiskFilter
from programmes.forms.risks import RiskCreateForm, RiskEditForm
from programmes.heatmap import risk_heatmap, unplaced_risks
from programmes.models import Risk
from programmes.tables import RiskTable

from .mixins import FilteredListMixin, RegisterMixin
from .records import RecordCreateView, RecordEditView


class RiskRegisterView(FilteredListMixin, RegisterMixin, SingleTableMixin, FilterView):
    """The risk log and its likelihood-by-impact heat map, for the same filtered risks."""

    page_title = "Risk register"
    template_name = "programmes/risk_list.html"
    filterset_class = RiskFilter
    table_class = RiskTable
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        risks = self.programme.risks.select_related("service_area")
        return self.rights.scope(risks).order_by("-is_open", "order", "id")

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "programme": self.programme}

    def get_table_kwargs(self):
        return {
            "caption": f"Risks of {self.programme.name}",
            "programme": self.programme,
            "rights": self.rights,
            "exclude": () if self.may_add else ("change",),
        }

    def get_context_data(self, **kwargs):
        open_risks = [risk for risk in self.object_list if risk.is_open]
        label = self.programme.risk_level_label
        unplaced = [
            {
                "risk": risk,
                "likelihood": label(risk.likelihood) or "not assessed",
                "impact": label(risk.impact) or "not assessed",
            }
            for risk in unplaced_risks(open_risks, self.programme)
        ]
        return super().get_context_data(
            heatmap=risk_heatmap(open_risks, self.programme),
            levels=self.programme.risk_levels(),
            unplaced=unplaced,
            **kwargs,
        )


class RiskCreateView(RecordCreateView):
    page_title = "Risk register"
    model = Risk
    form_class = RiskCreateForm
    list_url_name = "registers:risks"
    noun = "risk"
    a_noun = "a risk"


class RiskEditView(RecordEditView):
    page_title = "Risk register"
    model = Risk
    form_class = RiskEditForm
    list_url_name = "registers:risks"
    noun = "risk"
    a_noun = "a risk"
