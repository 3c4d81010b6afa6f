"""The 403, 404 and 500 pages, as a user meets them with DEBUG off: in the site's layout, saying
what was refused and why in words, with the ways back."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from milestones.models import Milestone
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


@pytest.fixture(autouse=True)
def debug_off(settings):
    settings.DEBUG = False


@pytest.fixture
def stage():
    return Milestone.objects.get(
        service_area__programme__slug=AGMA, service_area__name="Transactional HR", title="Stage 0-1"
    )


@pytest.fixture
def outsider_client(django_user_model):
    """Signed in, but given no programme."""
    client = Client()
    client.force_login(django_user_model.objects.create_user("outsider", password="pw"))
    return client


def test_a_reader_posting_to_an_edit_address_is_told_why_and_nothing_changes(reader_client, stage):
    before = stage.version
    response = reader_client.post(
        reverse("milestones:edit", kwargs={"pk": stage.pk}),
        {"title": "Renamed by a reader", "version": stage.version},
        HTTP_REFERER=f"http://testserver{reverse('milestones:detail', kwargs={'pk': stage.pk})}",
    )
    assert response.status_code == 403
    page = text_of(response)
    assert "Nothing was changed" in page
    assert "Why: Only the people named on this service area can change it." in page
    html = response.content.decode()
    # The ways back: the page they came from, the programme (they may read it), My work.
    assert f'href="http://testserver/milestones/{stage.pk}/">Back to the page you came from' in html
    overview = reverse("programmes:overview", kwargs={"programme": AGMA})
    assert f'href="{overview}">AGMA Collaborative Services: overview' in html
    assert ">My work</a>" in html
    # In the site's layout: the signed-in navigation is there.
    assert "Sign out" in page
    stage.refresh_from_db()
    assert (stage.title, stage.version) == ("Stage 0-1", before)


def test_a_manager_only_page_names_what_only_managers_do(reader_client):
    response = reader_client.get(reverse("reports:cover-sheet-new", kwargs={"programme": AGMA}))
    assert response.status_code == 403
    page = text_of(response)
    assert "You cannot open this page" in page
    assert "Only this programme's managers can write committee cover sheets." in page


def test_a_programme_the_user_cannot_see_is_not_offered_as_a_way_back(outsider_client):
    response = outsider_client.get(reverse("registers:risks", kwargs={"programme": AGMA}))
    assert response.status_code == 403
    page = text_of(response)
    assert "You have not been given access to this programme." in page
    assert "AGMA Collaborative Services" not in page
    assert "My work" in page


def test_an_unknown_address_is_a_friendly_404(reader_client):
    response = reader_client.get("/no-such-page/")
    assert response.status_code == 404
    page = text_of(response)
    assert "Page not found" in page
    assert "There is nothing at this address" in page
    assert "/no-such-page/" in page
    assert "Resolver404" not in page and "Sign out" in page


def test_a_missing_record_does_not_show_djangos_words(reader_client):
    response = reader_client.get(reverse("milestones:detail", kwargs={"pk": 999999}))
    assert response.status_code == 404
    page = text_of(response)
    assert "There is nothing at this address" in page
    assert "matches the given query" not in page


def test_a_404_raised_with_words_for_the_user_shows_them(reader_client):
    url = reverse("reports:preview", kwargs={"programme": AGMA, "kind": "no-such-kind"})
    response = reader_client.get(url)
    assert response.status_code == 404
    assert "There is no such report." in text_of(response)


def test_a_crash_shows_the_500_page(reader_client, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("dashboards.selectors.my_work", broken)
    reader_client.raise_request_exception = False
    response = reader_client.get(reverse("programmes:my-work"))
    assert response.status_code == 500
    page = text_of(response)
    assert "Sorry, something went wrong on our side" in page
    assert "may not have been saved" in page
    assert "database went away" not in page  # no internals shown


def test_the_500_page_needs_no_database_and_no_request_context(django_assert_num_queries):
    request = RequestFactory().get("/")  # no user, no session: what a failing request may have
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    page = text_of(response)
    assert "Sorry, something went wrong on our side" in page
    assert 'href="/"' in response.content.decode()  # the way back to My work


def test_an_expired_form_is_explained(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.get(username="manager"))
    response = client.post(reverse("programmes:send-reminders", kwargs={"programme": AGMA}))
    assert response.status_code == 403
    page = text_of(response)
    assert "Your form was not sent, and nothing was saved" in page
    assert "reload the page" in page
