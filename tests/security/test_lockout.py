"""Repeated wrong passwords are throttled: after five failures an account cannot sign in, even
with its right password or from another address, and an address that tried five accounts cannot
sign in to any — on our sign-in page and the admin's. Every attempt is in the administrators'
sign-in log."""

import pytest
from django.urls import reverse

from tests.conftest import signed_in
from tests.helpers import rows_of, text_of

from .conftest import PASSWORD, browser

pytestmark = pytest.mark.django_db

LIMIT = 5


def sign_in(client, username, password, page="login"):
    url = reverse(page) if page == "login" else reverse("admin:login")
    return client.post(url, {"username": username, "password": password, "next": "/"})


def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(jane):
    attacker = browser()
    for _ in range(LIMIT - 1):
        answer = sign_in(attacker, "jane", "wrong password!")
        assert answer.status_code == 200
        assert "Please enter a correct username and password" in text_of(answer)
    locked = sign_in(attacker, "jane", "wrong password!")
    assert locked.status_code == 429
    assert "Signing in is paused" in text_of(locked)
    assert "5 failed attempts to sign in as jane" in text_of(locked)
    assert "paused for 15 minutes" in text_of(locked)

    right = sign_in(attacker, "jane", PASSWORD)
    assert right.status_code == 429
    assert not right.wsgi_request.user.is_authenticated

    # The account is locked wherever the next attempt comes from.
    elsewhere = sign_in(browser("198.51.100.9"), "jane", PASSWORD)
    assert elsewhere.status_code == 429
    assert not elsewhere.wsgi_request.user.is_authenticated


def test_an_address_trying_many_accounts_is_locked_out(jane):
    attacker = browser()
    for n in range(LIMIT):
        sign_in(attacker, f"guess{n}", "wrong password!")
    answer = sign_in(attacker, "jane", PASSWORD)
    assert answer.status_code == 429
    assert "or from this address" in text_of(answer)
    # Jane, at her own desk, is not.
    assert sign_in(browser("198.51.100.9"), "jane", PASSWORD).status_code == 302


def test_the_admin_sign_in_page_is_throttled_too(django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    attacker = browser()
    for _ in range(LIMIT):
        sign_in(attacker, "root", "wrong password!", page="admin")
    answer = sign_in(attacker, "root", PASSWORD, page="admin")
    assert answer.status_code == 429
    assert "Signing in is paused" in text_of(answer)
    assert not answer.wsgi_request.user.is_authenticated


def test_a_success_before_the_limit_starts_the_count_again(jane):
    desk = browser()
    for _ in range(LIMIT - 1):
        sign_in(desk, "jane", "wrong password!")
    assert sign_in(desk, "jane", PASSWORD).status_code == 302
    desk.post(reverse("logout"))
    for _ in range(LIMIT - 1):
        sign_in(desk, "jane", "wrong password!")
    assert sign_in(desk, "jane", PASSWORD).status_code == 302


def test_administrators_see_failed_and_successful_sign_ins(jane, django_user_model):
    sign_in(browser("203.0.113.7"), "jane", "wrong password!")
    sign_in(browser("198.51.100.9"), "jane", PASSWORD)
    for _ in range(LIMIT):
        sign_in(browser("192.0.2.1"), "mallory", "wrong password!")

    django_user_model.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    page = signed_in(django_user_model, "boss").get(reverse("accounts:sign-in-log"))
    assert page.status_code == 200
    rows = rows_of(page)
    assert any("Signed in" in row and "jane" in row and "198.51.100.9" in row for row in rows), rows
    assert any("Failed" in row and "jane" in row and "203.0.113.7" in row for row in rows)
    assert any("Failed: locked out" in row and "mallory" in row for row in rows)
    locked = [row for row in rows if row.startswith("mallory")]
    assert locked and "192.0.2.1" in locked[0] and " 5 " in f" {locked[0]} "


def test_only_administrators_see_the_sign_in_log(manager_client):
    answer = manager_client.get(reverse("accounts:sign-in-log"))
    assert answer.status_code == 403
    assert "Only administrators can see the sign-in log." in text_of(answer)
    assert "Sign-in log" not in text_of(manager_client.get(reverse("programmes:my-work")))
