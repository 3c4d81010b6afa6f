from django.urls import path

from .views import adding, arranging, cancelling, lists, pages, timeline

app_name = "milestones"

programme = "programmes/<slug:programme>"
area = f"{programme}/areas/<int:area>/milestones"

urlpatterns = [
    path("milestones/", lists.AllMilestonesView.as_view(), name="all"),
    path("milestones/<int:pk>/", pages.MilestoneDetailView.as_view(), name="detail"),
    path("milestones/<int:pk>/edit/", pages.MilestoneEditView.as_view(), name="edit"),
    path("milestones/<int:pk>/cancel/", cancelling.MilestoneCancelView.as_view(), name="cancel"),
    path(
        "milestones/<int:pk>/reinstate/",
        cancelling.MilestoneReinstateView.as_view(),
        name="reinstate",
    ),
    path("dates/interpret/", pages.InterpretDateView.as_view(), name="interpret-date"),
    path(f"{programme}/milestones/", lists.MilestoneListView.as_view(), name="list"),
    path(f"{programme}/timeline/", timeline.TimelineView.as_view(), name="timeline"),
    path(f"{area}/add/", adding.MilestoneCreateView.as_view(), name="add"),
    path(f"{area}/add-several/", adding.AddSeveralView.as_view(), name="add-several"),
    path(f"{area}/order/", arranging.ReorderView.as_view(), name="reorder"),
    path(f"{area}/dates/", arranging.DatesGridView.as_view(), name="grid"),
]
