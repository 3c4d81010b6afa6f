"""Programmes, service areas and meetings: read for anyone with access to the programme. They
are set up and kept on the programme's pages."""

from django.db.models import Prefetch

from programmes.models import Meeting, Programme, ServiceArea, ServiceAreaRole

from ..filters import MeetingFilter, ServiceAreaFilter
from ..serializers.programmes import MeetingSerializer, ProgrammeSerializer, ServiceAreaSerializer
from .base import ReadViewSet


class ProgrammeViewSet(ReadViewSet):
    """The programmes you can see, by their slug."""

    serializer_class = ProgrammeSerializer
    programme_path = "pk"
    area_path = None
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return self.visible(
            Programme.objects.select_related("lead_organisation")
            .prefetch_related("partners", "stages")
            .order_by("name")
        )


class ServiceAreaViewSet(ReadViewSet):
    """Service areas (work streams, projects, themes) with the people named on them."""

    serializer_class = ServiceAreaSerializer
    filterset_class = ServiceAreaFilter
    area_path = "pk"

    def get_queryset(self):
        roles = ServiceAreaRole.objects.select_related("person").order_by("role", "id")
        return self.visible(
            ServiceArea.objects.select_related("programme")
            .prefetch_related(Prefetch("roles", queryset=roles))
            .order_by("programme", "order", "id")
        )


class MeetingViewSet(ReadViewSet):
    """Meetings of the programme's boards, groups and committees."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    programme_path = "body__programme"
    area_path = None

    def get_queryset(self):
        return self.visible(
            Meeting.objects.select_related("body__programme").order_by("date", "id")
        )
