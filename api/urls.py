"""The REST API (/api/), its schema and documentation page; the Your account page and the
pages where users make and revoke their API tokens and calendar links; calendar feeds; a
programme's open data."""

from django.urls import include, path, re_path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import errors
from .models import CalendarLink
from .views import account, feeds, milestones, programmes, publication, registers, updates

router = DefaultRouter()
router.include_root_view = False
router.register("programmes", programmes.ProgrammeViewSet, basename="programme")
router.register("service-areas", programmes.ServiceAreaViewSet, basename="service-area")
router.register("milestones", milestones.MilestoneViewSet, basename="milestone")
router.register("date-changes", milestones.DateChangeViewSet, basename="date-change")
router.register("progress-updates", updates.ProgressUpdateViewSet, basename="progress-update")
router.register("risks", registers.RiskViewSet, basename="risk")
router.register("savings", registers.SavingsLineViewSet, basename="savings-line")
router.register("meetings", programmes.MeetingViewSet, basename="meeting")

api_patterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, so a Content-Security-Policy with no
    # inline script lets the page run.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
    # Anything else under /api/ answers in JSON, as the API does, not with the site's page.
    re_path(r"^[\s\S]*$", errors.not_found),
]

urlpatterns = [
    path("api/", include((api_patterns, "api"))),
]

urlpatterns += [
    # Your account, under accounts/ with the sign-in pages, password, e-mail and sessions.
    path("accounts/", account.AccountView.as_view(), name="account"),
    path("accounts/api-tokens/", account.ApiTokensView.as_view(), name="api-tokens"),
    path(
        "accounts/api-tokens/<int:pk>/revoke/",
        account.RevokeView.as_view(),
        name="api-token-revoke",
    ),
    path("accounts/calendars/", account.CalendarLinksView.as_view(), name="calendar-links"),
    path(
        "accounts/calendars/<int:pk>/revoke/",
        account.RevokeView.as_view(model=CalendarLink, back="calendar-links"),
        name="calendar-link-revoke",
    ),
    # The account pages' earlier addresses (account/…), moved for good.
    re_path(
        r"^account/(?P<rest>.*)$",
        RedirectView.as_view(url="/accounts/%(rest)s", permanent=True, query_string=True),
    ),
    re_path(r"^calendar/(?P<secret>[-\w]+)\.ics$", feeds.calendar_feed, name="calendar-feed"),
    path(
        "programmes/<slug:programme>/open-data/",
        publication.PublicationView.as_view(),
        name="programme-open-data",
    ),
    re_path(
        r"^open-data/(?P<programme>[-\w]+)/(?P<kind>milestones|savings)\.(?P<extension>csv|json)$",
        feeds.open_data,
        name="open-data",
    ),
]
