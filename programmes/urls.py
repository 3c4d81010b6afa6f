"""A programme's registers: risks, savings, budget, actions, meetings, governance and glossary
(its milestones and timeline are in ``milestones.urls``)."""

from django.urls import path

from .views import actions, budget, glossary, governance, meetings, risks, savings

app_name = "registers"

programme = "programmes/<slug:programme>"

# Keeping the governance: bodies and their members; meetings (listed on ``reports:meetings``,
# which shows what each receives); the glossary.
body = f"{programme}/governance/bodies/<int:pk>"
member = f"{programme}/governance/members/<int:pk>"
governance_paths = [
    path(
        f"{programme}/governance/bodies/new/",
        governance.BodyCreateView.as_view(),
        name="body-create",
    ),
    path(f"{body}/edit/", governance.BodyEditView.as_view(), name="body-edit"),
    path(f"{body}/close/", governance.BodyCloseView.as_view(), name="body-close"),
    path(f"{body}/reopen/", governance.BodyReopenView.as_view(), name="body-reopen"),
    path(
        f"{programme}/governance/bodies/<int:body>/members/new/",
        governance.MembershipCreateView.as_view(),
        name="member-create",
    ),
    path(f"{member}/edit/", governance.MembershipEditView.as_view(), name="member-edit"),
    path(f"{member}/end/", governance.MembershipEndView.as_view(), name="member-end"),
]
meeting = f"{programme}/meetings/<int:pk>"
meeting_paths = [
    path(f"{programme}/meetings/new/", meetings.MeetingCreateView.as_view(), name="meeting-create"),
    path(f"{meeting}/edit/", meetings.MeetingEditView.as_view(), name="meeting-edit"),
    path(f"{meeting}/cancel/", meetings.MeetingCancelView.as_view(), name="meeting-cancel"),
    path(
        f"{meeting}/reinstate/", meetings.MeetingReinstateView.as_view(), name="meeting-reinstate"
    ),
    path(f"{meeting}/delete/", meetings.MeetingDeleteView.as_view(), name="meeting-delete"),
]
term = f"{programme}/glossary/<int:pk>"
glossary_paths = [
    path(f"{programme}/glossary/new/", glossary.TermCreateView.as_view(), name="term-create"),
    path(f"{term}/edit/", glossary.TermEditView.as_view(), name="term-edit"),
    path(f"{term}/retire/", glossary.TermRetireView.as_view(), name="term-retire"),
    path(f"{term}/restore/", glossary.TermRestoreView.as_view(), name="term-restore"),
]

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
    *governance_paths,
    *meeting_paths,
    path(f"{programme}/glossary/", glossary.GlossaryView.as_view(), name="glossary"),
    *glossary_paths,
]
