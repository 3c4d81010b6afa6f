"""Signing in and out, changing and resetting a password, and the demo accounts."""

import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from programmes.models import ProgrammeAccess

pytestmark = pytest.mark.django_db


def test_sign_in_with_the_demo_password_lands_on_my_work(client):
    page = client.get(reverse("login")).content.decode()
    assert re.search(r'<label\s+for="id_username"', page)
    assert re.search(r'<label\s+for="id_password"', page)
    response = client.post(
        reverse("login"), {"username": "champion", "password": "demo-password"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("programmes:my-work")
    assert "My service areas" in response.content.decode()


def test_a_wrong_password_is_refused_with_a_message(client):
    response = client.post(reverse("login"), {"username": "champion", "password": "nope"})
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Please enter a correct username and password" in html


def test_sign_out_is_a_post_and_ends_the_session(champion_client):
    response = champion_client.post(reverse("logout"))
    assert response.status_code == 302
    assert champion_client.get(reverse("programmes:my-work")).status_code == 302


def test_password_reset_sends_a_link_that_sets_a_new_password(client, django_user_model):
    user = django_user_model.objects.get(username="champion")
    client.post(reverse("password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    client.post(
        set_url, {"new_password1": "a long new secret 42", "new_password2": "a long new secret 42"}
    )
    user.refresh_from_db()
    assert user.check_password("a long new secret 42")


def test_demo_accounts_have_their_roles():
    roles = set(ProgrammeAccess.objects.values_list("user__username", "role").distinct())
    assert roles == {("manager", "manager"), ("reader", "reader")}
    assert ProgrammeAccess.objects.filter(user__username="manager").count() == 5


@override_settings(DEMO_USERS_ALLOWED=False)
def test_demo_accounts_are_refused_outside_development_settings():
    with pytest.raises(CommandError, match="Demo accounts are not allowed"):
        call_command("load_seed_programmes", "--demo-users")
