from django.urls import path

from jobs import health, views

app_name = "jobs"

prefix = "programmes/<slug:programme>/jobs/<int:pk>/"

urlpatterns = [
    path("health/", health.health, name="health"),
    path(prefix, views.JobDetailView.as_view(), name="detail"),
    path(f"{prefix}status.json", views.JobStatusView.as_view(), name="status"),
    path(f"{prefix}result/", views.JobDownloadView.as_view(), name="download"),
    path(f"{prefix}retry/", views.JobRetryView.as_view(), name="retry"),
]
