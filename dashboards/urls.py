from django.urls import path

from dashboards.views import areas, periods, review, updates
from dashboards.views import overview as dashboards

app_name = "programmes"

urlpatterns = [
    path("", dashboards.MyWorkView.as_view(), name="my-work"),
    path("programmes/", dashboards.ProgrammeListView.as_view(), name="list"),
    path("programmes/<slug:programme>/", dashboards.OverviewView.as_view(), name="overview"),
    path(
        "programmes/<slug:programme>/areas/<int:pk>/",
        areas.ServiceAreaView.as_view(),
        name="service-area",
    ),
    path(
        "programmes/<slug:programme>/areas/<int:pk>/edit/",
        areas.ServiceAreaEditView.as_view(),
        name="area-edit",
    ),
    path(
        "programmes/<slug:programme>/areas/<int:pk>/update/",
        updates.AreaUpdateView.as_view(),
        name="area-update",
    ),
    # The period's update cycle: writing, reviewing, and the reporting periods.
    path(
        "programmes/<slug:programme>/areas/<int:pk>/update/<int:period>/",
        updates.AreaUpdateView.as_view(),
        name="area-update-period",
    ),
    path(
        "programmes/<slug:programme>/areas/<int:pk>/update/<int:period>/review/",
        review.UpdateReviewView.as_view(),
        name="update-review",
    ),
    path("programmes/<slug:programme>/updates/", review.UpdateBoardView.as_view(), name="updates"),
    path(
        "programmes/<slug:programme>/updates/<int:period>/",
        review.UpdateBoardView.as_view(),
        name="updates-period",
    ),
    path("programmes/<slug:programme>/periods/", periods.PeriodListView.as_view(), name="periods"),
    path(
        "programmes/<slug:programme>/periods/open/",
        periods.PeriodOpenView.as_view(),
        name="period-open",
    ),
    path(
        "programmes/<slug:programme>/periods/<int:period>/edit/",
        periods.PeriodEditView.as_view(),
        name="period-edit",
    ),
    path(
        "programmes/<slug:programme>/periods/<int:period>/close/",
        periods.PeriodCloseView.as_view(),
        name="period-close",
    ),
    path(
        "programmes/<slug:programme>/periods/<int:period>/reopen/",
        periods.PeriodReopenView.as_view(),
        name="period-reopen",
    ),
    path(
        "programmes/<slug:programme>/reminders/",
        areas.SendRemindersView.as_view(),
        name="send-reminders",
    ),
]
