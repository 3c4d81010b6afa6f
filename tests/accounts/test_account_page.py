"""Your account: one page, linked once from the menu, saying where you stand — e-mail and
digest, password, sessions, API tokens, calendar links — with the way to each; every account
page under /accounts/, and the earlier /account/ addresses moved there for good."""

import pytest
from django.urls import reverse

from api import keys
from api.models import ApiToken, CalendarLink
from tests.conftest import signed_in
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

ACCOUNT = "/accounts/"


def test_the_menu_links_once_to_your_account_and_to_none_of_its_pages(champion_client):
    html = champion_client.get(reverse("programmes:my-work")).content.decode()
    menu = html[html.index('id="site-nav"') : html.index("</nav>")]
    assert menu.count(f'href="{ACCOUNT}"') == 1
    for page in ("people:my-email", "password_change", "accounts:sessions", "api-tokens"):
        assert f'href="{reverse(page)}"' not in menu, page
    assert 'href="/accounts/calendars/"' not in menu


def test_your_account_says_where_you_stand_and_links_to_each_page(
    champion_client, django_user_model
):
    phil = django_user_model.objects.get(username="champion")
    keys.issue(ApiToken, user=phil, name="Power BI", start=keys.TOKEN_START)
    revoked, _ = keys.issue(ApiToken, user=phil, name="Old script", start=keys.TOKEN_START)
    keys.revoke(revoked, by=phil)
    page = champion_client.get(ACCOUNT)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    shown = text_of(page)
    assert "Signed in as Phil Badley (champion)." in shown
    assert "You have 1 API token in use." in shown
    assert "You have no calendar links in use." in shown
    assert "1 session, this one included." in shown
    html = page.content.decode()
    for name in ("people:my-email", "password_change", "accounts:sessions", "api-tokens"):
        assert f'href="{reverse(name)}"' in html, name
    assert f'href="{reverse("calendar-links")}"' in html


def test_someone_who_signs_in_with_their_organisation_has_no_password_to_change(
    django_user_model,
):
    user = django_user_model.objects.create_user("sso.only@example.gov.uk")
    user.set_unusable_password()
    user.save()
    shown = text_of(signed_in(django_user_model, user.username).get(ACCOUNT))
    assert "You sign in with your organisation's account: you have no password here" in shown
    assert "Change your password" not in shown
    assert "Your login is not one of the programmes' people" in shown


def test_signing_out_everywhere_from_your_account(django_user_model):
    laptop = signed_in(django_user_model, "reader")
    phone = signed_in(django_user_model, "reader")
    assert "2 sessions, this one included." in text_of(laptop.get(ACCOUNT))
    answer = laptop.post(reverse("accounts:sessions"), follow=True)
    assert "You are signed out everywhere: 2 sessions ended" in text_of(answer)
    assert phone.get(ACCOUNT).status_code == 302


def test_the_earlier_account_addresses_move_permanently(manager_client):
    for old, new in (
        ("/account/api-tokens/", "/accounts/api-tokens/"),
        ("/account/calendars/", "/accounts/calendars/"),
        ("/account/calendars/3/revoke/", "/accounts/calendars/3/revoke/"),
    ):
        moved = manager_client.get(old)
        assert (moved.status_code, moved["Location"]) == (301, new), old
    assert manager_client.get("/account/api-tokens/?x=1")["Location"] == "/accounts/api-tokens/?x=1"
    assert manager_client.get("/accounts/calendars/").status_code == 200
    assert not CalendarLink.objects.exists()
