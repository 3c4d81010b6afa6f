"""The Meetings page: meetings of the programme's bodies, upcoming and past, with their agendas
and what each receives. A reader limited to a partner sees only their areas' milestones (counted
and named) and no committee reports or packs."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.views.generic import TemplateView

from milestones.models import Milestone
from programmes.models import AgendaItem, Meeting
from programmes.rights import LIMITED_TO_PARTNER
from programmes.views.mixins import RegisterMixin

from .models import CommitteeReport, IssuedPack

MEETING_MILESTONES_NAMED = 10


class MeetingListView(RegisterMixin, TemplateView):
    """Meetings of the programme's bodies, upcoming and past, cancelled or not, with their
    agendas and what each receives. Adding and changing them is in ``programmes.views.meetings``
    (for those who may keep the programme's governance)."""

    page_title = "Meetings"
    template_name = "reports/meeting_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        whole = self.rights.sees_whole_programme(self.programme)  # else: no reports, no packs
        papers = CommitteeReport.objects.filter(programme=self.programme)
        packs = IssuedPack.objects.only("pk", "meeting_id")
        seen = self.rights.scope(Milestone.objects.all(), programme="service_area__programme")
        counted = None if whole else Q(milestones__in=seen.values("pk"))
        meetings = list(
            Meeting.objects.filter(body__programme=self.programme)
            .select_related("body")
            # The first few milestones of each meeting by name, the rest as a count that
            # links to the milestone list of them: a large programme's meetings receive
            # thousands.
            .annotate(milestone_count=Count("milestones", filter=counted))
            .prefetch_related(
                Prefetch(
                    "milestones",
                    queryset=seen.select_related("service_area").order_by(
                        "service_area__order", "order", "id"
                    )[:MEETING_MILESTONES_NAMED],
                    to_attr="first_milestones",
                ),
                Prefetch("committee_reports", queryset=papers if whole else papers.none()),
                Prefetch("issued_packs", queryset=packs if whole else packs.none()),
                Prefetch(
                    "agenda_items",
                    queryset=AgendaItem.objects.select_related("presenter__organisation"),
                ),
            )
            .order_by("date", "id")
        )
        sections = [
            {
                "id": "upcoming",
                "title": "Upcoming meetings",
                "meetings": [m for m in meetings if m.date >= today],
                "empty": "No meetings are planned from today on.",
            },
            {
                "id": "past",
                "title": "Past meetings, latest first",
                "meetings": [m for m in reversed(meetings) if m.date < today],
                "empty": "No meetings have been held yet.",
            },
        ]
        return super().get_context_data(
            today=today,
            sections=sections,
            can_keep=self.rights.can_manage_governance(self.programme),
            limited=None if whole else LIMITED_TO_PARTNER,
            named=MEETING_MILESTONES_NAMED,
            **kwargs,
        )
