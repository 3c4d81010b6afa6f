"""A programme's Key to Stages, kept by its managers in the browser: add, rename, define,
reorder, and take out a stage no milestone is at."""

import pytest
from django.urls import reverse

from programmes.models import StageDefinition
from tests.core.tabs import Tab
from tests.factories import MilestoneFactory, ServiceAreaFactory
from tests.helpers import rows_of, text_of
from tests.seed_programmes import AGMA

pytestmark = pytest.mark.django_db


def url(name, slug=AGMA, **kwargs):
    return reverse(f"programme-setup:{name}", kwargs={"programme": slug, **kwargs})


def codes(programme) -> list[str]:
    return list(programme.stages.values_list("code", flat=True))


def test_a_manager_adds_a_stage_at_the_end_of_the_key(manager_client, agma):
    response = manager_client.post(
        url("stage-add"),
        {"code": "Stage 3", "name": "Review", "definition": "Benefits checked a year on."},
        follow=True,
    )
    assert "Added Stage 3 – Review to the Key to Stages." in text_of(response)
    assert codes(agma)[-1] == "Stage 3"
    assert rows_of(response)[-1].startswith("Stage 3 Review Benefits checked a year on. 0")
    stage = agma.stages.get(code="Stage 3")
    assert stage.history.get().history_user.username == "manager"


def test_a_code_the_programme_already_has_is_refused(manager_client, agma):
    response = manager_client.post(url("stage-add"), {"code": "Stage 1", "name": "Again"})
    assert "This programme already has a stage with this code." in text_of(response)
    assert codes(agma).count("Stage 1") == 1


def test_renaming_a_stage_is_kept_in_its_history(manager_client, agma):
    stage = agma.stages.get(code="Stage 2a")
    edit = url("stage-edit", pk=stage.pk)
    assert stage.name == "Prepare Improvement Programme"
    assert Tab(manager_client, edit).open().save(name="Plan the improvements").status_code == 302
    stage.refresh_from_db()
    assert stage.name == "Plan the improvements"
    page = text_of(manager_client.get(edit))
    assert "Name: “Prepare Improvement Programme” → “Plan the improvements”" in page


def test_a_stale_stage_edit_is_refused(manager_client, admin_client_logged_in, agma):
    stage = agma.stages.get(code="Stage 2a")
    edit = url("stage-edit", pk=stage.pk)
    mine = Tab(manager_client, edit).open()
    Tab(admin_client_logged_in, edit).open().save(definition="Theirs.")
    page = text_of(mine.save(name="Mine"))
    assert "saved this stage while you were editing it" in page
    stage.refresh_from_db()
    assert (stage.name, stage.definition) == ("Prepare Improvement Programme", "Theirs.")


def test_stages_move_up_and_down_the_key_and_the_overview_follows(manager_client, agma):
    before = codes(agma)
    stage = agma.stages.get(code="Stage 2b")
    manager_client.post(url("stage-move", pk=stage.pk), {"direction": "up"})
    assert codes(agma) == [*before[:-2], "Stage 2b", "Stage 2a"]
    overview = manager_client.get(reverse("programmes:overview", kwargs={"programme": AGMA}))
    html = overview.content.decode()
    assert html.index('<th scope="col">Stage 2b</th>') < html.index('<th scope="col">Stage 2a</th>')
    first = agma.stages.first()
    manager_client.post(url("stage-move", pk=first.pk), {"direction": "up"})  # already first
    assert codes(agma)[0] == first.code


def test_only_a_stage_no_milestone_is_at_can_be_taken_out(manager_client, agma):
    spare = StageDefinition.objects.create(programme=agma, code="Stage 9", order=9)
    in_use = agma.stages.get(code="Stage 1")
    assert in_use.milestones.exists()

    response = manager_client.post(url("stage-remove", pk=in_use.pk), follow=True)
    assert "Milestones are at Stage 1, so it stays in the Key to Stages." in text_of(response)
    response = manager_client.post(url("stage-remove", pk=spare.pk), follow=True)
    assert "Took Stage 9 out of the Key to Stages." in text_of(response)
    assert codes(agma) == ["Scope defined", "Stage 0", "Stage 1", "Stage 2a", "Stage 2b"]
    assert StageDefinition.history.filter(id=spare.pk, history_type="-").get().history_user


@pytest.mark.parametrize("who", ["champion_client", "reader_client"])
def test_only_managers_change_the_key_to_stages(who, request, agma):
    client = request.getfixturevalue(who)
    stage = agma.stages.get(code="Stage 1")
    assert client.get(url("stages")).status_code == 403
    assert client.post(url("stage-add"), {"code": "Stage 3"}).status_code == 403
    assert client.post(url("stage-move", pk=stage.pk), {"direction": "up"}).status_code == 403
    assert client.post(url("stage-remove", pk=stage.pk)).status_code == 403
    assert codes(agma) == ["Scope defined", "Stage 0", "Stage 1", "Stage 2a", "Stage 2b"]


def test_the_key_to_stages_lists_milestone_counts_in_bounded_queries(
    manager_client, managed_programme, django_assert_max_num_queries
):
    from tests.helpers import assert_bounded_queries

    programme = managed_programme()
    area = ServiceAreaFactory(programme=programme)

    def add_rows(n):
        for _ in range(n):
            stage = StageDefinition.objects.create(
                programme=programme, code=f"S{programme.stages.count()}"
            )
            MilestoneFactory(service_area=area, stage=stage)

    assert_bounded_queries(
        manager_client,
        url("stages", slug=programme.slug),
        add_rows,
        12,
        django_assert_max_num_queries,
    )
