"""Inviting a person to sign in: the e-mail, the link (Django's password-reset token), setting a
password, landing signed in as that person with their rights; links expired, used or replaced
are refused with a clear message."""

import re
from datetime import datetime, timedelta

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import reverse

from programmes.models import Invitation, Person, ServiceArea, ServiceAreaRole
from tests.helpers import text_of

from .people_helpers import people_url, person_url

pytestmark = pytest.mark.django_db

PASSWORD = "a long new secret 42"


def invite(client, person):
    return client.post(person_url(person, what="invite"), follow=True)


def link_in(message) -> str:
    return re.search(r"http://testserver(/accounts/invitation/\S+/)", message.body).group(1)


def accept(link, password=PASSWORD) -> tuple[Client, object]:
    """Follow ``link`` in a new browser and choose ``password``: the browser and the answer."""
    browser = Client()
    opened = browser.get(link, follow=True)
    assert opened.status_code == 200
    set_password = opened.redirect_chain[-1][0]
    answer = browser.post(
        set_password, {"new_password1": password, "new_password2": password}, follow=True
    )
    return browser, answer


def test_the_invited_person_sets_a_password_and_lands_signed_in_with_their_rights(
    manager_client, jane, agma, django_user_model
):
    area = ServiceArea.objects.get(programme=agma, name="Customer Contact")
    ServiceAreaRole.objects.create(service_area=area, person=jane, role="champion")
    page = invite(manager_client, jane)
    assert "Invitation sent to Jane Smith at Jane.Smith@example.gov.uk" in text_of(page)

    (message,) = mail.outbox
    assert message.to == ["Jane.Smith@example.gov.uk"]
    assert "AGMA Collaborative Services" in message.subject
    assert "Dear Jane Smith" in message.body
    assert "you sign in as jane.smith@example.gov.uk" in message.body
    assert "The link works for 3 days, and once only." in message.body
    jane.refresh_from_db()
    assert jane.user.username == "jane.smith@example.gov.uk"
    assert jane.user.get_full_name() == "Jane Smith"  # pages say who did what by name
    assert not jane.user.is_active  # nobody signs in with it until Jane accepts

    browser, landed = accept(link_in(message))
    assert landed.redirect_chain[-1][0] == reverse("programmes:my-work")
    assert "you are signed in as jane.smith@example.gov.uk" in text_of(landed)
    assert landed.wsgi_request.user == jane.user
    assert "Customer Contact" in text_of(landed)  # her service area, on My work
    edit = reverse("programmes:area-edit", kwargs={"programme": agma.slug, "pk": area.pk})
    assert browser.get(edit).status_code == 200  # a champion may change her area
    assert browser.get(people_url()).status_code == 403  # but not the programme's people
    jane.user.refresh_from_db()
    assert jane.user.is_active and jane.user.check_password(PASSWORD)
    assert Invitation.objects.get(person=jane).accepted_at is not None
    # And she signs in again with her password.
    again = Client().post(
        reverse("login"),
        {"username": "jane.smith@example.gov.uk", "password": PASSWORD},
        follow=True,
    )
    assert again.wsgi_request.user == jane.user


def test_access_given_while_the_invitation_waits_applies_once_accepted(manager_client, jane):
    invite(manager_client, jane)
    manager_client.post(person_url(jane, what="access"), {"role": "manager"})
    browser, _ = accept(link_in(mail.outbox[0]))
    response = browser.get(people_url())
    assert response.status_code == 200  # the People page is for managers only
    assert "Jane Smith" in text_of(response)


def test_the_persons_page_says_they_are_invited_and_offers_to_send_again(manager_client, jane):
    page = text_of(manager_client.get(person_url(jane)))
    assert "No login." in page
    assert "Invite Jane Smith to sign in" in page
    assert "They will sign in as jane.smith@example.gov.uk." in page
    invite(manager_client, jane)
    page = text_of(manager_client.get(person_url(jane)))
    assert re.search(r"Invited \d\d/\d\d/\d{4}, not yet accepted", page)
    assert "by Demo Manager, to Jane.Smith@example.gov.uk" in page
    assert "Send the invitation again" in page
    assert "Invited" in text_of(manager_client.get(people_url()))
    assert "Login: “—” → “jane.smith@example.gov.uk”" in page  # the audit history


def test_a_used_link_is_refused(manager_client, jane):
    invite(manager_client, jane)
    link = link_in(mail.outbox[0])
    accept(link)
    again = Client().get(link, follow=True)
    assert "This invitation link cannot be used" in text_of(again)
    assert "has expired, has been used already" in text_of(again)
    assert "<form" not in again.content.decode().split('id="main"')[1]


def test_an_expired_link_is_refused_and_the_login_stays_off(manager_client, jane, monkeypatch):
    invite(manager_client, jane)
    link = link_in(mail.outbox[0])
    later = datetime.now() + timedelta(days=3, hours=1)
    monkeypatch.setattr(default_token_generator, "_now", lambda: later)
    page = Client().get(link, follow=True)
    assert "This invitation link cannot be used" in text_of(page)
    jane.refresh_from_db()
    assert not jane.user.is_active and not jane.user.has_usable_password()


def test_a_new_invitation_replaces_the_last_ones_link(manager_client, jane):
    invite(manager_client, jane)
    invite(manager_client, jane)
    first, second = (link_in(message) for message in mail.outbox)
    assert "This invitation link cannot be used" in text_of(Client().get(first, follow=True))
    _, landed = accept(second)
    assert landed.redirect_chain[-1][0] == reverse("programmes:my-work")
    assert Person.objects.get(pk=jane.pk).user.username == "jane.smith@example.gov.uk"


def test_a_weak_password_is_refused_and_the_link_still_works(manager_client, jane):
    invite(manager_client, jane)
    _, answer = accept(link_in(mail.outbox[0]), password="password")
    assert "There is a problem" in text_of(answer)
    assert "This password is too common." in text_of(answer)
    jane.refresh_from_db()
    assert not jane.user.is_active
    _, landed = accept(link_in(mail.outbox[0]))
    assert landed.redirect_chain[-1][0] == reverse("programmes:my-work")


def test_a_person_without_an_e_mail_address_is_not_invited(manager_client):
    tanner = Person.objects.get(name="John Tanner")
    page = manager_client.get(person_url(tanner))
    assert "John Tanner has no e-mail address, so no invitation was sent." in text_of(page)
    assert "Invite John Tanner to sign in" not in text_of(page)
    answer = invite(manager_client, tanner)
    assert "John Tanner has no e-mail address, so no invitation was sent." in text_of(answer)
    assert mail.outbox == []
    tanner.refresh_from_db()
    assert tanner.user is None


def test_someone_who_signs_in_already_is_not_invited(manager_client):
    phil = Person.objects.get(name="Phil Badley")
    phil.email = "phil@example.org"
    phil.save()
    answer = invite(manager_client, phil)
    assert "Phil Badley already signs in (as champion)" in text_of(answer)
    assert mail.outbox == []
    phil.user.refresh_from_db()
    assert phil.user.check_password("demo-password")


def test_a_login_is_never_linked_by_name(manager_client, jane, django_user_model):
    namesake = django_user_model.objects.create_user(
        "jsmith", first_name="Jane", last_name="Smith", password="pw"
    )
    invite(manager_client, jane)
    jane.refresh_from_db()
    assert jane.user != namesake and jane.user.username == "jane.smith@example.gov.uk"


def test_a_sign_in_name_already_taken_is_refused_with_a_message(
    manager_client, jane, django_user_model
):
    django_user_model.objects.create_user("jane.smith@example.gov.uk", password="pw")
    answer = invite(manager_client, jane)
    assert "Another login already signs in as jane.smith@example.gov.uk" in text_of(answer)
    assert mail.outbox == []
    jane.refresh_from_db()
    assert jane.user is None
    assert not Invitation.objects.filter(person=jane).exists()


@pytest.mark.parametrize("who", ["champion_client", "reader_client", "other_manager_client"])
def test_only_managers_invite(request, who, jane):
    client = request.getfixturevalue(who)
    assert client.post(person_url(jane, what="invite")).status_code == 403
    assert mail.outbox == []
    jane.refresh_from_db()
    assert jane.user is None


def test_a_password_reset_link_is_not_an_invitation(manager_client, client):
    """The reset link of someone who signs in already does not open the invitation page."""
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    phil = Person.objects.get(name="Phil Badley").user
    uid = urlsafe_base64_encode(force_bytes(phil.pk))
    link = reverse(
        "people:accept-invitation",
        kwargs={"uidb64": uid, "token": default_token_generator.make_token(phil)},
    )
    assert "This invitation link cannot be used" in text_of(client.get(link, follow=True))


def test_a_mail_server_that_fails_changes_nothing(manager_client, jane, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("Connection refused")

    monkeypatch.setattr("programmes.invitations.send_mail", refuse)
    answer = invite(manager_client, jane)
    assert answer.status_code == 200
    assert "The invitation could not be sent" in text_of(answer)
    jane.refresh_from_db()
    assert jane.user is None
    assert not Invitation.objects.filter(person=jane).exists()
