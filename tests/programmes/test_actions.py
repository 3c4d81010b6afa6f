"""Follow-on, equality impact and work programme actions; adding and changing them with dates
written as people write them."""

from datetime import date

import pytest
from django.urls import reverse

from programmes.models import Action
from tests.helpers import assert_bounded_queries, row_starting, rows_of, text_of
from tests.seed_programmes import AGMA, MIP, WIGAN

from .factories import ActionFactory

pytestmark = pytest.mark.django_db


def actions_url(slug=WIGAN, query=""):
    return reverse("registers:actions", kwargs={"programme": slug}) + query


def create_url(slug=AGMA):
    return reverse("registers:action-create", kwargs={"programme": slug})


def edit_url(action):
    return reverse(
        "registers:action-edit", kwargs={"programme": action.programme.slug, "pk": action.pk}
    )


def action_form(area=None, **changes):
    data = {
        "title": "Agree the payroll cut-over plan",
        "kind": "follow_on",
        "service_area": area.pk if area else "",
        "owner": "Head of HR",
        "start_text": "",
        "due_text": "end March 2010",
        "status": "open",
        "importance": "",
        "measure": "",
        "target": "",
        "resources_approved": "unknown",
        "note": "",
    }
    data.update(changes)
    return data


def test_equality_impact_actions_with_their_columns(manager_client):
    response = manager_client.get(actions_url(query="?kind=equality_impact"))
    assert "18 actions match the filters" in text_of(response)
    html = response.content.decode()
    assert "Resources approved" in html and "Importance" in html
    row = row_starting(response, "Undertake comparison of employee breakdown following unification")
    assert "Equality impact action" in row
    assert "All Service Directors" in row
    assert "Jul 2008" in row
    assert "Staff breakdowns" in row and "Equal to whole workforce" in row
    assert "Yes" in row


def test_work_programme_has_no_equality_columns(reader_client):
    response = reader_client.get(actions_url(MIP))
    assert response.status_code == 200
    assert "105 actions" in text_of(response)
    assert "Resources approved" not in response.content.decode()
    assert "2009/10" in row_starting(response, "Implement the new single client function")


def test_filters_by_owner_words_and_status(manager_client):
    response = manager_client.get(actions_url(query="?owner=service+director&status=open"))
    rows = rows_of(response)
    assert rows and all("Service Director" in row for row in rows)
    done = rows_of(manager_client.get(actions_url(query="?status=done")))
    assert len(done) == 4


def test_whole_programme_filter(manager_client, agma, own_area):
    ActionFactory(programme=agma, title="Write the business case")
    ActionFactory(programme=agma, service_area=own_area, title="Map HR processes")
    response = manager_client.get(actions_url(AGMA, "?service_area=null"))
    assert [row.split(" Follow-on")[0] for row in rows_of(response)] == ["Write the business case"]


def test_champion_adds_an_action_and_sees_how_the_date_was_read(champion_client, own_area):
    checked = champion_client.post(create_url(), {**action_form(own_area), "check": "1"})
    assert checked.status_code == 200
    assert "Read as end Mar 2010 (21 Mar 2010 to 31 Mar 2010)." in text_of(checked)
    assert "Nothing is saved yet" in text_of(checked)
    assert not Action.objects.filter(title="Agree the payroll cut-over plan").exists()

    response = champion_client.post(create_url(), action_form(own_area))
    assert response.status_code == 302
    action = Action.objects.get(title="Agree the payroll cut-over plan")
    assert (action.due_text, action.due_earliest, action.due_latest) == (
        "end March 2010",
        date(2010, 3, 21),
        date(2010, 3, 31),
    )
    assert action.service_area == own_area
    page = champion_client.get(response.url)
    assert "Added the action “Agree the payroll cut-over plan”." in text_of(page)
    assert "end Mar 2010" in row_starting(page, "Agree the payroll cut-over plan")


def test_words_that_are_not_a_date_are_kept(manager_client, agma):
    response = manager_client.post(create_url(), action_form(due_text="Dependent on Phase 1"))
    assert response.status_code == 302
    action = Action.objects.get(programme=agma, title="Agree the payroll cut-over plan")
    assert action.due_text == "Dependent on Phase 1" and action.due_latest is None


def test_an_impossible_due_date_is_refused_until_kept_as_words(manager_client, agma):
    before = Action.objects.count()
    refused = manager_client.post(create_url(), action_form(due_text="31/04/2010"))
    assert refused.status_code == 200
    assert (
        "Due: There is no 31 April 2010. Correct the date, or tick “Keep as words” to save "
        "these words with no date." in text_of(refused)
    )
    html = refused.content.decode()
    # The box is a labelled checkbox, just after the date fields.
    assert '<label for="id_keep_as_words"' in html
    assert html.index('name="due_text"') < html.index('name="keep_as_words"')
    assert html.index('name="keep_as_words"') < html.index('name="status"')
    assert Action.objects.count() == before

    kept = manager_client.post(create_url(), action_form(due_text="31/04/2010", keep_as_words="on"))
    assert kept.status_code == 302
    action = Action.objects.get(programme=agma, title="Agree the payroll cut-over plan")
    assert (action.due_text, action.due_earliest, action.due_latest, action.due_precision) == (
        "31/04/2010",
        None,
        None,
        "undated",
    )


def test_due_before_start_is_refused(manager_client):
    before = Action.objects.count()
    response = manager_client.post(
        create_url(), action_form(start_text="April 2010", due_text="March 2010")
    )
    assert response.status_code == 200
    assert "Due: The due date cannot be before the start." in text_of(response)
    assert Action.objects.count() == before


def test_champion_refused_for_other_areas(champion_client, other_area):
    before = Action.objects.count()
    assert champion_client.post(create_url(), action_form(other_area)).status_code == 403
    assert champion_client.post(create_url(), action_form(None)).status_code == 403
    assert Action.objects.count() == before


def test_reader_sees_no_buttons_and_is_refused(reader_client, wigan):
    response = reader_client.get(actions_url())
    assert "Add an action" not in text_of(response)
    assert ">Change<" not in response.content.decode()
    action = Action.objects.filter(programme=wigan).first()
    assert reader_client.get(edit_url(action)).status_code == 403
    assert reader_client.post(edit_url(action), action_form(status="done")).status_code == 403
    action.refresh_from_db()
    assert action.status == "open"


def test_manager_changes_an_action(manager_client, wigan):
    action = Action.objects.filter(programme=wigan, kind="follow_on").first()
    form = manager_client.get(edit_url(action))
    assert form.status_code == 200
    data = action_form(
        title=action.title,
        owner=action.owner,
        due_text="Q1 2009",
        status="done",
        version=action.version,
    )
    data["service_area"] = action.service_area_id or ""
    response = manager_client.post(edit_url(action), data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.due_precision, action.version) == ("done", "quarter", 2)


def test_an_edit_keeping_an_impossible_date_as_words(manager_client, wigan):
    action = Action.objects.filter(programme=wigan, kind="follow_on").first()
    data = action_form(
        title=action.title,
        owner=action.owner,
        due_text="Q5 2010",
        version=action.version,
        keep_as_words="on",
    )
    data["service_area"] = action.service_area_id or ""
    response = manager_client.post(edit_url(action), data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.due_text, action.due_latest, action.version) == ("Q5 2010", None, 2)


def test_conflicting_action_edit_is_refused(manager_client, agma, own_area, champion_client):
    action = ActionFactory(programme=agma, service_area=own_area, title="Map HR processes")
    data = action_form(own_area, title=action.title, version=1)
    assert (
        champion_client.post(edit_url(action), {**data, "status": "in_progress"}).status_code == 302
    )
    response = manager_client.post(edit_url(action), {**data, "status": "dropped"})
    assert response.status_code == 200
    assert "Status is now “In progress”" in text_of(response)
    action.refresh_from_db()
    assert action.status == "in_progress"


def test_actions_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    from tests.factories import ServiceAreaFactory

    programme = managed_programme()

    def add(n):
        for _ in range(n):
            area = ServiceAreaFactory(programme=programme)
            ActionFactory(programme=programme, service_area=area, kind="equality_impact")
            ActionFactory(programme=programme)

    assert_bounded_queries(
        manager_client, actions_url(programme.slug), add, 11, django_assert_max_num_queries
    )
