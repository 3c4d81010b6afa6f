"""A programme's registers: risks, savings, budget, actions, meetings, governance and glossary
(its milestones and timeline are in ``milestones.urls``)."""

from django.urls import path

from .views import actions, budget, governance, risks, savings

app_name = "registers"

programme = "programmes/<slug:programme>"

urlpatterns = [
    path(f"{programme}/risks/", risks.RiskRegisterView.as_view(), name="risks"),
    path(f"{programme}/risks/new/", risks.RiskCreateView.as_view(), name="risk-create"),
    path(f"{programme}/risks/<int:pk>/edit/", risks.RiskEditView.as_view(), name="risk-edit"),
    path(f"{programme}/savings/", savings.SavingsView.as_view(), name="savings"),
    path(
        f"{programme}/savings/new/",
        savings.SavingsLineCreateView.as_view(),
        name="savings-create",
    ),
    path(
        f"{programme}/savings/<int:pk>/edit/",
        savings.SavingsLineEditView.as_view(),
        name="savings-edit",
    ),
    path(f"{programme}/budget/", budget.BudgetView.as_view(), name="budget"),
    path(f"{programme}/actions/", actions.ActionListView.as_view(), name="actions"),
    path(f"{programme}/actions/new/", actions.ActionCreateView.as_view(), name="action-create"),
    path(
        f"{programme}/actions/<int:pk>/edit/",
        actions.ActionEditView.as_view(),
        name="action-edit",
    ),
    path(f"{programme}/governance/", governance.GovernanceView.as_view(), name="governance"),
    path(f"{programme}/glossary/", governance.GlossaryView.as_view(), name="glossary"),
]
