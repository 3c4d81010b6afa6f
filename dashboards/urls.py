from django.urls import path

from dashboards.views import areas
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
        areas.ProgressUpdateView.as_view(),
        name="area-update",
    ),
    path(
        "programmes/<slug:programme>/reminders/",
        areas.SendRemindersView.as_view(),
        name="send-reminders",
    ),
]
