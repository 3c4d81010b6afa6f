"""Single sign-on, end to end against a real OpenID Connect provider (django-oidc-provider) that
the tests start as a server of its own: the browser goes to the provider, signs in there, comes
back with a code; the tracker exchanges it over HTTP for an ID token, checks its signature
against the provider's published keys and its nonce, and signs in the person whose e-mail
address the provider verified — never one matched by name."""

import re
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from programmes.models import Invitation, Person, ServiceAreaRole
from tests.helpers import text_of
from tests.programmes.people_helpers import new_person
from tests.security.oidc_provider.serve import CLIENT_ID, CLIENT_SECRET, PASSWORD

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CALLBACK = "http://testserver/accounts/sso/callback/"


@pytest.fixture(scope="module")
def provider_url():
    """The provider, running in its own process on a free port, for this module's tests."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.security.oidc_provider.serve", str(port), CALLBACK],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == "ready"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def provider_settings(base: str, **changes) -> dict:
    council = {
        "name": "Council account",
        "OIDC_RP_CLIENT_ID": CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
        "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{base}/openid/authorize",
        "OIDC_OP_TOKEN_ENDPOINT": f"{base}/openid/token",
        "OIDC_OP_USER_ENDPOINT": f"{base}/openid/userinfo",
        "OIDC_OP_JWKS_ENDPOINT": f"{base}/openid/jwks",
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_SCOPES": "openid email profile",
        "issuer": f"{base}/openid",
        "email_domains_owned": [],
    }
    return {"council": {**council, **changes}}


@pytest.fixture
def sso(provider_url):
    with override_settings(OIDC_PROVIDERS=provider_settings(provider_url)):
        yield provider_url


def sign_in_at_provider(tracker: Client, username: str, *, before_callback=None):
    """Click "Sign in with Council account", sign in at the provider as ``username``, and
    come back: the tracker's answer to the callback, followed."""
    start = tracker.get(reverse("accounts:sso", args=["council"]))
    assert start.status_code == 302
    authorize = start["Location"]
    params = parse_qs(urlparse(authorize).query)
    assert params["response_type"] == ["code"] and params["nonce"][0]
    assert params["code_challenge_method"] == ["S256"]

    browser = requests.Session()
    login_page = browser.get(authorize)  # to the provider's sign-in page
    assert "Council identity provider" in login_page.text
    answer = browser.post(
        login_page.url,
        data={
            "username": username,
            "password": PASSWORD,
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
            "next": parse_qs(urlparse(login_page.url).query)["next"][0],
        },
        headers={"Referer": login_page.url},
        allow_redirects=False,
    )
    while not answer.headers["Location"].startswith(CALLBACK):
        answer = browser.get(
            requests.compat.urljoin(answer.url, answer.headers["Location"]),
            allow_redirects=False,
        )
    callback = answer.headers["Location"]
    assert "code=" in callback
    if before_callback:
        before_callback(tracker)
    return tracker.get(callback.removeprefix("http://testserver"), follow=True)


@pytest.fixture
def alice(agma, own_area):
    """In the tracker with the address the provider verifies (in other capitals), no login."""
    person = new_person(agma, name="Alice Ashworth", email="alice.ashworth@example.gov.uk")
    ServiceAreaRole.objects.create(service_area=own_area, person=person, role="champion")
    return person


def test_the_sign_in_page_offers_each_provider(sso, client):
    page = client.get(reverse("login"))
    assert "Sign in with Council account" in text_of(page)
    assert "Or with a password" in text_of(page)


def test_a_person_signs_in_through_their_provider_and_gets_their_rights(sso, alice, own_area):
    tracker = Client()
    landed = sign_in_at_provider(tracker, "alice")
    assert landed.wsgi_request.user.is_authenticated
    alice.refresh_from_db()
    assert landed.wsgi_request.user == alice.user
    assert alice.user.is_active and not alice.user.has_usable_password()
    assert alice.user.username == "alice.ashworth@example.gov.uk"
    assert "Transactional HR" in text_of(tracker.get(reverse("programmes:my-work")))
    # The next time, the same login.
    again = sign_in_at_provider(Client(), "alice")
    assert again.wsgi_request.user == alice.user


def test_an_invited_person_signing_in_accepts_the_invitation(
    sso, alice, manager_client, django_user_model
):
    manager_client.post(
        reverse("people:invite", kwargs={"programme": alice_programme(alice), "pk": alice.pk})
    )
    alice.refresh_from_db()
    assert not alice.user.is_active
    landed = sign_in_at_provider(Client(), "alice")
    assert landed.wsgi_request.user == alice.user
    assert Invitation.objects.get(person=alice).accepted_at is not None


def alice_programme(alice):
    return alice.roles.get().service_area.programme.slug


def test_an_unverified_address_signs_nobody_in(sso, agma):
    new_person(agma, name="Bob Brown", email="bob.brown@example.gov.uk")
    landed = sign_in_at_provider(Client(), "bob")
    assert not landed.wsgi_request.user.is_authenticated
    assert "Council account did not confirm your e-mail address" in text_of(landed)
    assert not Person.objects.get(name="Bob Brown").user


def test_someone_not_in_the_tracker_is_not_signed_in_even_with_a_matching_name(
    sso, agma, django_user_model
):
    # Carol is in the tracker by name only, with another address, and a login called carol.
    new_person(agma, name="Carol Cole", email="c.cole@elsewhere.gov.uk")
    django_user_model.objects.create_user("carol", email="", first_name="Carol", last_name="Cole")
    landed = sign_in_at_provider(Client(), "carol")
    assert not landed.wsgi_request.user.is_authenticated
    assert (
        "Nobody in the milestone tracker has the e-mail address carol.cole@example.gov.uk"
        in text_of(landed)
    )


def test_a_domain_the_council_owns_counts_as_verified_for_its_provider(provider_url, agma):
    new_person(agma, name="Bob Brown", email="bob.brown@example.gov.uk")
    owned = provider_settings(provider_url, email_domains_owned=["example.gov.uk"])
    with override_settings(OIDC_PROVIDERS=owned):
        landed = sign_in_at_provider(Client(), "bob")
    assert landed.wsgi_request.user.is_authenticated


def test_an_id_token_is_refused_when_its_signature_does_not_match_the_keys(provider_url, alice):
    wrong = provider_settings(provider_url, OIDC_OP_JWKS_ENDPOINT=f"{provider_url}/wrong-jwks/")
    with override_settings(OIDC_PROVIDERS=wrong):
        landed = sign_in_at_provider(Client(), "alice")
    assert not landed.wsgi_request.user.is_authenticated
    assert "could not confirm who you are (JWS token verification failed.)" in text_of(landed)


def test_an_id_token_issued_to_another_application_is_refused(sso, agma):
    # Dave is in the tracker with the verified address his token carries: only its audience
    # is wrong.
    new_person(agma, name="Dave Dodd", email="dave.dodd@example.gov.uk")
    landed = sign_in_at_provider(Client(), "dave")
    assert not landed.wsgi_request.user.is_authenticated
    assert "could not confirm who you are (ID token issued to another client)" in text_of(landed)
    assert not Person.objects.get(name="Dave Dodd").user


def test_an_id_token_is_refused_when_its_nonce_is_not_this_browsers(sso, alice):
    def swap_nonce(tracker):
        session = tracker.session
        for state in session["oidc_states"].values():
            state["nonce"] = "a nonce this browser was never given"
        session.save()

    landed = sign_in_at_provider(Client(), "alice", before_callback=swap_nonce)
    assert not landed.wsgi_request.user.is_authenticated
    assert "could not confirm who you are (JWT Nonce verification failed.)" in text_of(landed)


def test_passwords_can_be_switched_off(sso, client, settings):
    settings.LOCAL_SIGN_IN = False
    page = client.get(reverse("login"))
    assert "Sign in with Council account" in text_of(page)
    assert "Password" not in text_of(page)
    refused = client.post(reverse("login"), {"username": "manager", "password": "demo-password"})
    assert refused.status_code == 403
    assert "passwords are off" in text_of(refused)


def test_an_id_token_from_another_issuer_is_refused(provider_url, alice):
    other = provider_settings(provider_url, issuer="https://login.example.net/")
    with override_settings(OIDC_PROVIDERS=other):
        landed = sign_in_at_provider(Client(), "alice")
    assert not landed.wsgi_request.user.is_authenticated
    assert "(ID token from another issuer)" in text_of(landed)


def test_an_unknown_provider_is_not_found(sso, client):
    assert client.get(reverse("accounts:sso", args=["nowhere"])).status_code == 404


def test_with_passwords_off_an_invitation_link_sends_to_single_sign_on(
    sso, alice, manager_client, settings
):
    manager_client.post(
        reverse("people:invite", kwargs={"programme": alice_programme(alice), "pk": alice.pk})
    )
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", mail.outbox[0].body).group(0)
    settings.LOCAL_SIGN_IN = False
    landed = Client().get(urlparse(link.strip()).path, follow=True)
    assert "Passwords are switched off here: sign in with your organisation's account." in text_of(
        landed
    )
    assert "Sign in with Council account" in text_of(landed)
