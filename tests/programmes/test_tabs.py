"""Every tab of a programme's pages (its registers, milestones and timeline): one heading, the
breadcrumbs back to the programme, the current tab marked, and each role's answer: readers read,
a champion of another programme is refused, the signed-out are sent to sign in."""

import pytest
from django.urls import reverse

from tests.seed_programmes import AGMA, WIGAN

pytestmark = pytest.mark.django_db

PAGES = (
    "milestones:list",
    "registers:risks",
    "registers:savings",
    "registers:budget",
    "registers:actions",
    "reports:meetings",
    "milestones:timeline",
    "registers:governance",
    "registers:glossary",
)


def url(name, slug=WIGAN):
    return reverse(name, kwargs={"programme": slug})


@pytest.mark.parametrize("name", PAGES)
def test_every_page_for_every_role(name, manager_client, django_user_model, client):
    html = manager_client.get(url(name)).content.decode()
    assert html.count("<h1") == 1
    assert '<nav aria-label="Breadcrumb">' in html
    assert f'href="{reverse("programmes:overview", kwargs={"programme": WIGAN})}"' in html
    assert 'aria-current="page"' in html
    client.force_login(django_user_model.objects.get(username="reader"))
    assert client.get(url(name)).status_code == 200
    client.force_login(django_user_model.objects.get(username="champion"))
    assert client.get(url(name)).status_code == 403
    assert client.get(url(name, AGMA)).status_code == 200
    client.logout()
    assert client.get(url(name)).status_code == 302
