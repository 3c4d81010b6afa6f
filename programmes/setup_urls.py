"""Setting a programme up in the browser: starting one; its settings, risk matrix and Key to
Stages; its service areas, their partners and people."""

from django.urls import path

from .views import area_setup, programme_setup, stages

app_name = "programme-setup"

programme = "programmes/<slug:programme>"
area = f"{programme}/areas/<int:pk>"

urlpatterns = [
    path("programmes/new/", programme_setup.ProgrammeStartView.as_view(), name="start"),
    path(
        f"{programme}/settings/",
        programme_setup.ProgrammeSettingsView.as_view(),
        name="settings",
    ),
    path(
        f"{programme}/settings/risk-matrix/",
        programme_setup.RiskMatrixView.as_view(),
        name="risk-matrix",
    ),
    path(f"{programme}/settings/stages/", stages.StageListView.as_view(), name="stages"),
    path(f"{programme}/settings/stages/new/", stages.StageCreateView.as_view(), name="stage-add"),
    path(
        f"{programme}/settings/stages/<int:pk>/edit/",
        stages.StageEditView.as_view(),
        name="stage-edit",
    ),
    path(
        f"{programme}/settings/stages/<int:pk>/move/",
        stages.StageMoveView.as_view(),
        name="stage-move",
    ),
    path(
        f"{programme}/settings/stages/<int:pk>/remove/",
        stages.StageRemoveView.as_view(),
        name="stage-remove",
    ),
    path(f"{programme}/areas/", area_setup.AreaListView.as_view(), name="areas"),
    path(f"{programme}/areas/new/", area_setup.AreaCreateView.as_view(), name="area-add"),
    path(f"{area}/move/", area_setup.AreaMoveView.as_view(), name="area-move"),
    path(f"{area}/close/", area_setup.AreaCloseView.as_view(), name="area-close"),
    path(f"{area}/reopen/", area_setup.AreaReopenView.as_view(), name="area-reopen"),
    path(f"{area}/partners/", area_setup.ParticipationView.as_view(), name="area-partners"),
    path(f"{area}/people/", area_setup.AreaPeopleView.as_view(), name="area-people"),
    path(
        f"{area}/people/<int:role>/remove/",
        area_setup.RoleRemoveView.as_view(),
        name="area-role-remove",
    ),
]
