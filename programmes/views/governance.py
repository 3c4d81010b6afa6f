"""A programme's meetings (and what each receives), its governance bodies, and its glossary."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.views.generic import TemplateView

from programmes.models import BodyMembership, Meeting

from .mixins import RegisterMixin


def received(relation: str) -> QuerySet:
    """What points at a meeting through ``relation`` (its milestones, its committee reports).
    Those records belong to apps above this one (milestones, reports), which programmes does
    not import: their models are reached through the meeting's own reverse relations."""
    return Meeting._meta.get_field(relation).related_model._default_manager.all()


class MeetingListView(RegisterMixin, TemplateView):
    """Meetings of the programme's bodies, upcoming and past, with what each receives."""

    page_title = "Meetings"
    template_name = "programmes/meeting_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = list(
            Meeting.objects.filter(body__programme=self.programme)
            .select_related("body")
            .prefetch_related(
                Prefetch(
                    "milestones",
                    queryset=received("milestones")
                    .select_related("service_area")
                    .order_by("service_area__order", "order", "id"),
                ),
                Prefetch(
                    "committee_reports",
                    queryset=received("committee_reports").filter(programme=self.programme),
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
        return super().get_context_data(today=today, sections=sections, **kwargs)


class GovernanceView(RegisterMixin, TemplateView):
    page_title = "Governance"
    template_name = "programmes/governancebody_list.html"

    def get_context_data(self, **kwargs):
        bodies = self.programme.governance_bodies.select_related("parent").prefetch_related(
            Prefetch(
                "memberships",
                queryset=BodyMembership.objects.select_related("person__organisation"),
            )
        )
        return super().get_context_data(bodies=list(bodies), **kwargs)


class GlossaryView(RegisterMixin, TemplateView):
    page_title = "Glossary"
    template_name = "programmes/glossaryterm_list.html"

    def get_context_data(self, **kwargs):
        terms = self.programme.glossary.order_by(Lower("term"), "term")
        return super().get_context_data(terms=list(terms), **kwargs)
