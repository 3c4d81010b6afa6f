"""Sessions end: after the idle time without a request, and in any case after the absolute
lifetime; "sign out everywhere" ends every session of the login; passwords are at least 12
characters."""

import time

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.sessions import LAST_SEEN
from tests.conftest import signed_in
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

MY_WORK = "programmes:my-work"


def age(client, **seconds_ago):
    """Move the client's session's clocks back."""
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_a_session_idle_for_31_minutes_is_signed_out(manager_client):
    age(manager_client, last_seen=31 * 60)
    answer = manager_client.get(reverse(MY_WORK), follow=True)
    assert answer.redirect_chain[0][0].startswith(reverse("login"))
    assert "signed out after 30 minutes without activity" in text_of(answer)
    assert not answer.wsgi_request.user.is_authenticated
    # Signed out for good, not only for that page.
    assert manager_client.get(reverse(MY_WORK)).status_code == 302


def test_a_session_used_within_the_idle_time_goes_on(manager_client):
    age(manager_client, last_seen=29 * 60)
    assert manager_client.get(reverse(MY_WORK)).status_code == 200
    assert time.time() - manager_client.session[LAST_SEEN] < 5  # the clock restarted


@override_settings(SESSION_IDLE_MINUTES=5)
def test_the_idle_time_is_a_setting(manager_client):
    age(manager_client, last_seen=6 * 60)
    answer = manager_client.get(reverse(MY_WORK), follow=True)
    assert "signed out after 5 minutes without activity" in text_of(answer)


def test_a_busy_session_still_ends_after_its_absolute_lifetime(manager_client):
    age(manager_client, signed_in_at=12 * 3600 + 60, last_seen=10)
    answer = manager_client.get(reverse(MY_WORK), follow=True)
    assert "sessions last at most 12 hours" in text_of(answer)
    assert not answer.wsgi_request.user.is_authenticated


def test_the_cookie_lasts_no_longer_than_the_absolute_lifetime(settings):
    assert settings.SESSION_COOKIE_AGE == 12 * 3600


def test_sign_out_everywhere_ends_every_session_of_the_login(django_user_model):
    laptop = signed_in(django_user_model, "manager")
    phone = signed_in(django_user_model, "manager")
    colleague = signed_in(django_user_model, "reader")

    page = laptop.get(reverse("accounts:sessions"))
    assert "You are signed in on 2 devices or browsers" in text_of(page)
    answer = laptop.post(reverse("accounts:sessions"), follow=True)
    assert "You are signed out everywhere: 2 sessions ended, this one too." in text_of(answer)

    for device in (laptop, phone):
        assert device.get(reverse(MY_WORK)).status_code == 302
    assert colleague.get(reverse(MY_WORK)).status_code == 200  # nobody else's


def test_passwords_shorter_than_12_characters_are_refused(manager_client, django_user_model):
    answer = manager_client.post(
        reverse("password_change"),
        {
            "old_password": "demo-password",
            "new_password1": "Kx9#mQ2!vLp",
            "new_password2": "Kx9#mQ2!vLp",
        },
    )
    assert answer.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in text_of(answer)
    assert django_user_model.objects.get(username="manager").check_password("demo-password")
