"""Keeping the governance bodies in the browser: adding and changing a body with its terms of
reference, closing and reopening it, and adding, changing and ending memberships — by the
programme's managers only, each change in the history with who made it."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.models import BodyMembership, GovernanceBody, Person
from tests.factories import PersonFactory
from tests.helpers import row_starting, text_of
from tests.seed_programmes import AGMA, WIGAN

from .factories import GovernanceBodyFactory, MeetingFactory
from .governance_helpers import page

pytestmark = pytest.mark.django_db


def body_form(**changes):
    data = {
        "name": "Joint Improvement Board",
        "acronym": "JIB",
        "kind": "board",
        "parent": "",
        "description": "Steers the joint work.",
        "terms_of_reference": "- Agree the programme\n- Monitor delivery",
        "terms_agreed_text": "4 June 2007",
        "terms_agreed_by": "Leaders Group",
        "order": "5",
    }
    data.update(changes)
    return data


def edit_form(body, **changes):
    data = body_form(
        name=body.name,
        acronym=body.acronym,
        kind=body.kind,
        parent=body.parent_id or "",
        description=body.description,
        terms_of_reference=body.terms_of_reference,
        terms_agreed_text=body.terms_agreed_text,
        terms_agreed_by=body.terms_agreed_by,
        order=body.order,
        version=body.version,
    )
    data.update(changes)
    return data


def programme_report(client, slug, as_at) -> str:
    """The governance section of the programme report, as at a day, as previewed."""
    url = reverse("reports:preview", args=[slug, "programme"])
    options = {"as_at": as_at, "sections_chosen": "1", "sections": ["governance"]}
    response = client.get(url, options)
    assert response.status_code == 200
    return text_of(response)


@pytest.fixture
def csg(agma):
    return GovernanceBody.objects.get(programme=agma, acronym="CSG")


@pytest.fixture
def phil(agma):
    """Phil Badley, the champion of Transactional HR: one of AGMA's people."""
    return Person.objects.of_programme(agma).get(name="Phil Badley")


# --- Bodies --------------------------------------------------------------------------------------


def test_manager_adds_a_body_with_its_terms_of_reference(manager_client, agma):
    response = manager_client.post(page("body-create"), body_form())
    assert response.status_code == 302
    body = GovernanceBody.objects.get(programme=agma, acronym="JIB")
    assert body.terms_agreed.earliest == date(2007, 6, 4)
    assert body.history.get().history_user.username == "manager"
    shown = manager_client.get(page("governance"))
    assert row_starting(shown, "Joint Improvement Board").startswith(
        "Joint Improvement Board JIB Board — 4 Jun 2007, by Leaders Group 0"
    )
    text = text_of(shown)
    assert "Agree the programme" in text and "Agreed 4 Jun 2007 by Leaders Group." in text


def test_a_second_body_of_the_same_acronym_is_refused_and_nothing_is_saved(manager_client, agma):
    response = manager_client.post(page("body-create"), body_form(name="Another", acronym="CSG"))
    assert response.status_code == 200
    assert "This programme already has a body with this acronym." in text_of(response)
    assert not GovernanceBody.objects.filter(name="Another").exists()


def test_manager_changes_the_terms_of_reference(manager_client, csg):
    form = edit_form(csg, terms_of_reference="- Agree proposals", terms_agreed_text="July 2008")
    response = manager_client.post(page("body-edit", pk=csg.pk), form)
    assert response.status_code == 302
    csg.refresh_from_db()
    assert (csg.terms_of_reference, csg.terms_agreed_text, csg.version) == (
        "- Agree proposals",
        "July 2008",
        2,
    )
    assert "Agreed Jul 2008." in text_of(manager_client.get(page("governance")))


def test_a_body_cannot_report_to_a_body_below_it(manager_client, agma, csg):
    below = GovernanceBodyFactory(programme=agma, parent=csg)
    form = manager_client.get(page("body-edit", pk=csg.pk)).context["form"]
    offered = list(form.fields["parent"].queryset)
    assert below not in offered and csg not in offered
    response = manager_client.post(page("body-edit", pk=csg.pk), edit_form(csg, parent=below.pk))
    assert response.status_code == 200
    assert "Select a valid choice" in text_of(response)
    csg.refresh_from_db()
    assert csg.parent is None


def test_the_model_refuses_a_loop_of_bodies_whatever_the_form(agma, csg):
    below = GovernanceBodyFactory(programme=agma, parent=csg)
    csg.parent = below
    with pytest.raises(Exception, match="cannot report to itself"):
        csg.full_clean()


def test_a_stale_edit_of_a_body_is_refused_and_shows_what_changed(manager_client, csg):
    opened = edit_form(csg)
    manager_client.post(page("body-edit", pk=csg.pk), edit_form(csg, description="Theirs"))
    response = manager_client.post(
        page("body-edit", pk=csg.pk), {**opened, "terms_agreed_by": "Leaders"}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "saved this body while you were editing it" in text
    assert "Description is now “Theirs”" in text
    csg.refresh_from_db()
    assert (csg.description, csg.terms_agreed_by) == ("Theirs", "")


def test_closing_a_body_keeps_it_on_record_with_why(manager_client, csg):
    form = {"version": csg.version, "closed_on": "31/03/2010", "reason": "Replaced by the JIB"}
    response = manager_client.post(page("body-close", pk=csg.pk), form)
    assert response.status_code == 302
    csg.refresh_from_db()
    assert (csg.closed_on, csg.closed_reason) == (date(2010, 3, 31), "Replaced by the JIB")
    shown = manager_client.get(page("governance"))
    closed = row_starting(shown, "Collaborative Services Group (CSG)")
    assert closed.startswith("Collaborative Services Group (CSG) 31 March 2010 Replaced by the JIB")
    assert "Reopen" in closed
    assert GovernanceBody.objects.filter(pk=csg.pk).exists()


def test_closing_needs_a_reason(manager_client, csg):
    form = {"version": csg.version, "closed_on": "31/03/2010", "reason": ""}
    response = manager_client.post(page("body-close", pk=csg.pk), form)
    assert "Why it closed: This field is required." in text_of(response)
    csg.refresh_from_db()
    assert csg.closed_on is None


def test_a_body_with_meetings_ahead_cannot_close_until_they_are_cancelled(manager_client, csg):
    later = MeetingFactory(body=csg, date=date(2010, 5, 12))
    form = {"version": csg.version, "closed_on": "31/03/2010", "reason": "Wound up"}
    response = manager_client.post(page("body-close", pk=csg.pk), form)
    assert response.status_code == 200
    assert "still has 1 meeting after 31 March 2010 (12 May 2010)" in text_of(response)
    csg.refresh_from_db()
    assert csg.closed_on is None
    later.is_cancelled, later.cancelled_reason = True, "Body wound up"
    later.save()
    assert manager_client.post(page("body-close", pk=csg.pk), form).status_code == 302


def test_a_closed_body_holds_no_meetings_after_it_closed(csg):
    csg.closed_on, csg.closed_reason = date(2010, 3, 31), "Wound up"
    csg.save()
    meeting = MeetingFactory.build(body=csg, date=date(2010, 4, 1))
    with pytest.raises(Exception, match="closed on 31 March 2010"):
        meeting.full_clean()


def test_a_closed_body_can_be_reopened(manager_client, csg):
    csg.closed_on, csg.closed_reason = date(2010, 3, 31), "Wound up"
    csg.save()
    response = manager_client.post(page("body-reopen", pk=csg.pk), {"version": csg.version})
    assert response.status_code == 302
    csg.refresh_from_db()
    assert (csg.closed_on, csg.closed_reason) == (None, "")


def test_a_closed_body_is_left_out_of_reports_after_it_closed(manager_client, csg):
    csg.closed_on, csg.closed_reason = date(2009, 1, 31), "Wound up"
    csg.save()

    assert "Collaborative Services Group" in programme_report(manager_client, AGMA, "15/01/2009")
    assert "Collaborative Services Group" not in programme_report(
        manager_client, AGMA, "15/02/2009"
    )


# --- Members -------------------------------------------------------------------------------------


def test_manager_adds_a_member_from_the_programmes_people(manager_client, csg, phil):
    form = {"person": phil.pk, "role": "Chair", "joined_on": "01/04/2009", "order": "0"}
    response = manager_client.post(page("member-create", body=csg.pk), form)
    assert response.status_code == 302
    membership = BodyMembership.objects.get(body=csg, person=phil)
    assert (membership.role, membership.joined_on) == ("Chair", date(2009, 4, 1))
    assert membership.history.get().history_user.username == "manager"
    text = text_of(manager_client.get(page("governance")))
    assert "Phil Badley" in text and "– Chair (member since 1 April 2009)" in text


def test_someone_of_another_programme_cannot_be_made_a_member(manager_client, csg):
    stranger = PersonFactory(name="Stranger Danger")
    form = {"person": stranger.pk, "role": "", "joined_on": "", "order": "0"}
    response = manager_client.post(page("member-create", body=csg.pk), form)
    assert response.status_code == 200
    assert "only this programme's people can be chosen here" in text_of(response)
    assert not BodyMembership.objects.filter(person=stranger).exists()


def test_the_service_refuses_a_stranger_too(csg, django_user_model):
    from django.core.exceptions import ValidationError

    from programmes.governance_services import governance_create

    manager = django_user_model.objects.get(username="manager")
    membership = BodyMembership(body=csg, person=PersonFactory())
    with pytest.raises(ValidationError, match="must be one of this programme's people"):
        governance_create(record=membership, by=manager)


def test_manager_changes_a_members_role(manager_client, wigan):
    membership = BodyMembership.objects.filter(body__programme=wigan, role="").first()
    form = {"role": "Vice-chair", "joined_on": "", "order": membership.order}
    form["version"] = membership.version
    url = page("member-edit", slug=WIGAN, pk=membership.pk)
    assert manager_client.post(url, form).status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.version) == ("Vice-chair", 2)


def test_ending_a_membership_keeps_it_as_a_former_member(manager_client, wigan):
    membership = BodyMembership.objects.get(body__programme=wigan, person__name="Sue Johnson")
    yesterday = timezone.localdate() - timedelta(days=1)
    form = {"version": membership.version, "left_on": yesterday.strftime("%d/%m/%Y")}
    url = page("member-end", slug=WIGAN, pk=membership.pk)
    assert manager_client.post(url, form).status_code == 302
    membership.refresh_from_db()
    assert membership.left_on == yesterday
    text = text_of(manager_client.get(page("governance", slug=WIGAN)))
    former = text.split("Former members", 1)[1]
    assert f"Sue Johnson, Wigan, until {yesterday:%-d %B %Y}" in former
    row = row_starting(manager_client.get(page("governance", slug=WIGAN)), "Programme Management")
    assert row.endswith("— 7")  # eight members, one has left


def test_an_ended_membership_cannot_end_again(manager_client, wigan):
    membership = BodyMembership.objects.get(body__programme=wigan, person__name="Sue Johnson")
    membership.left_on = date(2009, 1, 31)
    membership.save()
    form = {"version": membership.version, "left_on": "28/02/2009"}
    response = manager_client.post(page("member-end", slug=WIGAN, pk=membership.pk), form)
    assert "This membership already ended on 31 January 2009." in text_of(response)


def test_a_member_who_left_can_join_again(manager_client, wigan):
    membership = BodyMembership.objects.get(body__programme=wigan, person__name="Sue Johnson")
    membership.left_on = date(2009, 1, 31)
    membership.save()
    form = {"person": membership.person_id, "role": "", "joined_on": "01/06/2009", "order": "0"}
    url = page("member-create", slug=WIGAN, body=membership.body_id)
    assert manager_client.post(url, form).status_code == 302
    assert BodyMembership.objects.filter(person=membership.person).count() == 2


def test_a_member_cannot_be_added_twice(manager_client, wigan):
    membership = BodyMembership.objects.get(body__programme=wigan, person__name="Sue Johnson")
    form = {"person": membership.person_id, "role": "", "joined_on": "", "order": "0"}
    url = page("member-create", slug=WIGAN, body=membership.body_id)
    response = manager_client.post(url, form)
    assert "This person is already a member of this body." in text_of(response)
    assert BodyMembership.objects.filter(person=membership.person).count() == 1


def test_reports_list_only_those_who_were_members_on_the_day(manager_client, wigan):
    membership = BodyMembership.objects.get(body__programme=wigan, person__name="Sue Johnson")
    membership.left_on = date(2008, 1, 31)
    membership.save()

    def members_text(as_at):
        return programme_report(manager_client, WIGAN, as_at).split("Programme Management", 1)[1]

    assert "Sue Johnson" in members_text("15/01/2008")
    assert "Sue Johnson" not in members_text("15/02/2008")


# --- Who may do it -------------------------------------------------------------------------------


def test_only_managers_see_the_buttons(manager_client, reader_client, champion_client):
    assert "Add a body" in text_of(manager_client.get(page("governance")))
    for client in (reader_client, champion_client):
        text = text_of(client.get(page("governance")))
        assert "Add a body" not in text and "Add a member" not in text and "Close" not in text


@pytest.mark.parametrize(
    "name", ["body-create", "body-edit", "body-close", "body-reopen", "member-create"]
)
def test_everyone_else_is_refused_and_nothing_changes(name, refused_clients, csg):
    kwargs = {"body": csg.pk} if name == "member-create" else {}
    if name not in ("body-create", "member-create"):
        kwargs = {"pk": csg.pk}
    url = page(name, **kwargs)
    crafted = {**edit_form(csg, name="Hijacked"), "closed_on": "01/01/2010", "reason": "x"}
    for who, client in refused_clients.items():
        assert client.get(url).status_code == 403, who
        assert client.post(url, crafted).status_code == 403, who
    csg.refresh_from_db()
    assert (csg.name, csg.version, csg.closed_on) == ("Collaborative Services Group", 1, None)
    assert not GovernanceBody.objects.filter(name="Hijacked").exists()


def test_membership_pages_refuse_everyone_else(refused_clients, wigan):
    membership = BodyMembership.objects.get(body__programme=wigan, person__name="Sue Johnson")
    for name in ("member-edit", "member-end"):
        url = page(name, slug=WIGAN, pk=membership.pk)
        for who, client in refused_clients.items():
            data = {"version": 1, "role": "Chair", "left_on": "01/01/2010", "order": 0}
            assert client.post(url, data).status_code == 403, who
    membership.refresh_from_db()
    assert (membership.role, membership.left_on, membership.version) == ("", None, 1)


def test_an_administrator_keeps_governance_too(admin_client_logged_in, agma):
    response = admin_client_logged_in.post(page("body-create"), body_form())
    assert response.status_code == 302
    assert GovernanceBody.objects.filter(programme=agma, acronym="JIB").exists()


def test_a_body_of_another_programme_is_not_found_here(manager_client, wigan):
    body = GovernanceBody.objects.filter(programme=wigan).first()
    assert manager_client.get(page("body-edit", slug=AGMA, pk=body.pk)).status_code == 404
