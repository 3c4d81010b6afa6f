"""My e-mail: anyone signed in sets their own e-mail address and chooses the weekly digest,
versioned and kept in the person's history like the programme office's edits; a stale edit is
refused with what changed; nobody changes another's record or anything else of their own."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.records import record_edit
from programmes import people_services
from programmes.models import Person
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

MY_EMAIL = reverse("people:my-email")


@pytest.fixture
def phil(db) -> Person:
    """Phil Badley, the demo ``champion``'s person."""
    return Person.objects.get(user__username="champion")


def test_your_account_links_to_my_e_mail_and_a_champion_saves_their_address_and_digest_choice(
    champion_client, phil
):
    menu = champion_client.get(reverse("programmes:my-work")).content.decode()
    assert f'href="{reverse("account")}"' in menu
    assert f'href="{MY_EMAIL}"' in champion_client.get(reverse("account")).content.decode()
    page = champion_client.get(MY_EMAIL)
    assert "My e-mail" in text_of(page)
    assert "for Phil Badley" in text_of(page)
    saved = champion_client.post(
        MY_EMAIL, {"version": phil.version, "email": "phil.badley@trafford.gov.uk"}, follow=True
    )
    assert "Saved: phil.badley@trafford.gov.uk; no weekly digest." in text_of(saved)
    assert 'value="phil.badley@trafford.gov.uk"' in saved.content.decode()
    phil.refresh_from_db()
    assert phil.email == "phil.badley@trafford.gov.uk" and not phil.wants_digest
    assert phil.user.email == "phil.badley@trafford.gov.uk"  # password resets go there too
    assert phil.history.first().history_user.username == "champion"


def test_an_address_that_is_not_one_is_refused_beside_the_field(champion_client, phil):
    page = champion_client.post(MY_EMAIL, {"version": phil.version, "email": "phil at trafford"})
    assert "Enter a valid email address." in text_of(page)
    phil.refresh_from_db()
    assert phil.email != "phil at trafford"


def test_a_stale_edit_is_refused_showing_what_the_programme_office_saved(
    champion_client, phil, django_user_model
):
    opened = phil.version
    record_edit(
        record=phil,
        opened_version=opened,
        changes={"email": "p.badley@agma.gov.uk"},
        by=django_user_model.objects.get(username="manager"),
    )
    page = champion_client.post(
        MY_EMAIL, {"version": opened, "email": "phil@home.example", "wants_digest": "on"}
    )
    text = text_of(page)
    assert "saved this record while you were editing it" in text
    assert "E-mail is now “p.badley@agma.gov.uk”" in text
    assert 'value="phil@home.example"' in page.content.decode()  # what he typed is kept
    phil.refresh_from_db()
    assert phil.email == "p.badley@agma.gov.uk"  # nothing of Phil's saved yet


def test_a_login_that_is_no_ones_person_is_told_so(admin_client_logged_in):
    page = admin_client_logged_in.get(MY_EMAIL)
    assert "Your login is not linked to a person in any programme" in text_of(page)
    assert admin_client_logged_in.post(MY_EMAIL, {"email": "x@example.org"}).status_code == 302


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(MY_EMAIL).url.startswith(reverse("login"))


def test_the_service_refuses_another_persons_record_and_other_fields(phil, django_user_model):
    reader = django_user_model.objects.get(username="reader")
    with pytest.raises(PermissionDenied):
        people_services.own_details_edit(
            person=phil, opened_version=phil.version, changes={"email": "x@y.org"}, by=reader
        )
    with pytest.raises(PermissionDenied):
        people_services.own_details_edit(
            person=phil, opened_version=phil.version, changes={"name": "Phil B"}, by=phil.user
        )
