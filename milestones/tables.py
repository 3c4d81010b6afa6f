"""The milestone lists' table: milestones of one programme, or of several with the programme
named on each row."""

from django.urls import reverse
from django.utils.safestring import mark_safe
from django_tables2 import A, Column

from programmes.tables import BaseTable, FuzzyDateColumn, RagColumn

from .models import Milestone


def area_url(record) -> str:
    area = record.service_area
    return reverse(
        "programmes:service-area", kwargs={"programme": area.programme.slug, "pk": area.pk}
    )


class MilestoneTable(BaseTable):
    """Milestones of one programme, or (with the ``programme`` column) of several."""

    row_header = "title"

    programme = Column(
        accessor="service_area__programme",
        verbose_name="Programme",
        order_by=("service_area__programme__name",),
        linkify=lambda record: reverse(
            "programmes:overview", kwargs={"programme": record.service_area.programme.slug}
        ),
    )
    reference = Column(verbose_name="Reference")
    title = Column(
        verbose_name="Milestone",
        linkify=("milestones:detail", {"pk": A("pk")}),
    )
    service_area = Column(
        verbose_name="Service area",
        order_by=("service_area__order", "service_area__name"),
        linkify=area_url,
    )
    stage = Column(accessor="stage__code", verbose_name="Stage", order_by=("stage__order",))
    planned_start = FuzzyDateColumn("planned_start", verbose_name="Planned start", with_moves=True)
    planned_completion = FuzzyDateColumn(
        "planned_completion", verbose_name="Planned completion", with_moves=True
    )
    forecast_completion = FuzzyDateColumn(
        "forecast_completion", verbose_name="Forecast", with_moves=True
    )
    actual_completion = FuzzyDateColumn("actual_completion", verbose_name="Actual completion")
    status = Column(accessor="status_words", verbose_name="Status", order_by=("status",))
    rag = RagColumn(programme_accessor="service_area__programme")
    owner = Column(accessor="owner__name", verbose_name="Owner", order_by=("owner__name",))
    slipped = Column(
        accessor="is_slipped",
        verbose_name="Slipped",
        empty_values=(),
        order_by=("-is_slipped",),
    )

    class Meta(BaseTable.Meta):
        model = Milestone
        fields = ()
        empty_text = "No milestones match: change or clear the filters."

    def render_slipped(self, value):
        if value:
            return mark_safe('<span class="slippage fw-bold">Slipped</span>')
        return ""
