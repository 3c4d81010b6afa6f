"""The milestone lists' table: milestones of one programme, or of several with the programme
named on each row."""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django_tables2 import A, Column

from core import fuzzydates, slippage
from programmes.tables import (
    BaseTable,
    FuzzyDateColumn,
    RagColumn,
    link,
    rag_badge,
    text_or_dash,
    url_maker,
)

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
            return mark_safe(SLIPPED)
        return ""

    # --- each row's cells in one pass (``BaseTable.body_html``), as the columns above draw them

    @cached_property
    def urls(self):
        return {
            "overview": url_maker("programmes:overview", "programme"),
            "detail": url_maker("milestones:detail", "pk"),
            "area": url_maker("programmes:service-area", "programme", "pk"),
        }

    def cell_programme(self, record):
        programme = record.service_area.programme
        return link(self.urls["overview"](programme=programme.slug), programme)

    def cell_reference(self, record):
        return text_or_dash(record.reference)

    def cell_title(self, record):
        return link(self.urls["detail"](pk=record.pk), record.title)

    def cell_service_area(self, record):
        area = record.service_area
        return link(self.urls["area"](programme=area.programme.slug, pk=area.pk), area)

    def cell_stage(self, record):
        return text_or_dash(record.stage.code if record.stage_id else None)

    def _date(self, record, name, with_moves=True):
        written = getattr(record, f"{name}_text")
        if written is None or written == "":
            return "—"
        if with_moves:
            return text_or_dash(slippage.milestone_phrase(record, name) or written)
        return text_or_dash(fuzzydates.format(getattr(record, name)) or written)

    def cell_planned_start(self, record):
        return self._date(record, "planned_start")

    def cell_planned_completion(self, record):
        return self._date(record, "planned_completion")

    def cell_forecast_completion(self, record):
        return self._date(record, "forecast_completion")

    def cell_actual_completion(self, record):
        return self._date(record, "actual_completion", with_moves=False)

    def cell_status(self, record):
        return text_or_dash(record.status_words)

    def cell_rag(self, record):
        return rag_badge(record.rag, record.service_area.programme)

    def cell_owner(self, record):
        return text_or_dash(record.owner.name if record.owner_id else None)

    def cell_slipped(self, record):
        return SLIPPED if record.is_slipped else ""


SLIPPED = '<span class="slippage fw-bold">Slipped</span>'
