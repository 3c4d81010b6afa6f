"""Milestone lists: a programme's milestones, and milestones across every programme the user
may see; sortable, filterable, fifty to a page, in a fixed number of queries."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.functional import cached_property
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from programmes.rights import Rights
from programmes.views.mixins import FilteredListMixin, RegisterMixin

from ..filters import MilestoneFilter
from ..models import Milestone
from ..tables import MilestoneTable


def milestone_rows():
    return (
        Milestone.objects.select_related("service_area__programme", "stage", "owner")
        .prefetch_related("date_changes")
        .with_slipped()
        .ids_first()
    )


class MilestoneListView(FilteredListMixin, RegisterMixin, SingleTableMixin, FilterView):
    """A programme's milestones: sortable, filterable, fifty to a page."""

    page_title = "Milestones"
    template_name = "milestones/milestone_list.html"
    filterset_class = MilestoneFilter
    table_class = MilestoneTable
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        rows = milestone_rows().for_programme(self.programme).in_report_order()
        return self.rights.scope(rows, programme="service_area__programme")

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "programme": self.programme}

    def get_table_kwargs(self):
        return {
            "caption": f"Milestones of {self.programme.name}",
            "programme": self.programme,
            "rights": self.rights,
            "exclude": ("programme",),
        }


class AllMilestonesView(FilteredListMixin, LoginRequiredMixin, SingleTableMixin, FilterView):
    """Milestones of every programme the user may see."""

    template_name = "milestones/milestone_list_all.html"
    filterset_class = MilestoneFilter
    table_class = MilestoneTable
    table_pagination = {"per_page": 50}

    @cached_property
    def rights(self) -> Rights:
        return Rights.of(self.request.user)

    @cached_property
    def programme_ids(self) -> list[int]:
        return list(self.rights.visible_programmes().values_list("pk", flat=True))

    def get_queryset(self):
        return (
            milestone_rows()
            .filter(service_area__programme__in=self.programme_ids)
            .filter(self.rights.area_condition(programme="service_area__programme"))
            .order_by(
                "service_area__programme__name",
                "service_area__order",
                "service_area_id",
                "order",
                "planned_start_earliest",
                "id",
            )
        )

    def get_filterset_kwargs(self, filterset_class):
        return {
            **super().get_filterset_kwargs(filterset_class),
            "programmes": self.programme_ids,
        }

    def get_table_kwargs(self):
        return {"caption": "Milestones of all your programmes", "rights": self.rights}
