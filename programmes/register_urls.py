"""List pages and registers: milestones (of a programme, and across programmes), risks, savings,
budget, actions, meetings, timeline, governance and glossary."""

from django.urls import path

from .views import registers as views

app_name = "registers"

programme = "programmes/<slug:programme>"

urlpatterns = [
    path("milestones/", views.AllMilestonesView.as_view(), name="all-milestones"),
    path(f"{programme}/milestones/", views.MilestoneListView.as_view(), name="milestones"),
    path(f"{programme}/risks/", views.RiskRegisterView.as_view(), name="risks"),
    path(f"{programme}/risks/new/", views.RiskCreateView.as_view(), name="risk-create"),
    path(f"{programme}/risks/<int:pk>/edit/", views.RiskEditView.as_view(), name="risk-edit"),
    path(f"{programme}/savings/", views.SavingsView.as_view(), name="savings"),
    path(
        f"{programme}/savings/new/",
        views.SavingsLineCreateView.as_view(),
        name="savings-create",
    ),
    path(
        f"{programme}/savings/<int:pk>/edit/",
        views.SavingsLineEditView.as_view(),
        name="savings-edit",
    ),
    path(f"{programme}/budget/", views.BudgetView.as_view(), name="budget"),
    path(f"{programme}/actions/", views.ActionListView.as_view(), name="actions"),
    path(f"{programme}/actions/new/", views.ActionCreateView.as_view(), name="action-create"),
    path(
        f"{programme}/actions/<int:pk>/edit/",
        views.ActionEditView.as_view(),
        name="action-edit",
    ),
    path(f"{programme}/meetings/", views.MeetingListView.as_view(), name="meetings"),
    path(f"{programme}/timeline/", views.TimelineView.as_view(), name="timeline"),
    path(f"{programme}/governance/", views.GovernanceView.as_view(), name="governance"),
    path(f"{programme}/glossary/", views.GlossaryView.as_view(), name="glossary"),
]
