from django.urls import path

from .views import lists, pages, timeline

app_name = "milestones"

programme = "programmes/<slug:programme>"

urlpatterns = [
    path("milestones/", lists.AllMilestonesView.as_view(), name="all"),
    path("milestones/<int:pk>/", pages.MilestoneDetailView.as_view(), name="detail"),
    path("milestones/<int:pk>/edit/", pages.MilestoneEditView.as_view(), name="edit"),
    path("dates/interpret/", pages.InterpretDateView.as_view(), name="interpret-date"),
    path(f"{programme}/milestones/", lists.MilestoneListView.as_view(), name="list"),
    path(f"{programme}/timeline/", timeline.TimelineView.as_view(), name="timeline"),
]
