"""Headers a security team checks: a Content-Security-Policy that allows no inline script
(and no template has one), a Permissions-Policy, and signed-in pages and downloads that no
browser or proxy keeps."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.seed_programmes import AGMA

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_pages_carry_a_policy_without_inline_script(manager_client, client):
    for answer in (client.get(reverse("login")), manager_client.get(reverse("programmes:my-work"))):
        policy = directives(answer)
        assert policy["script-src"] == "'self'"
        assert policy["default-src"] == "'self'"
        assert policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in policy["script-src"] + policy["style-src"]


@pytest.mark.parametrize(
    "name",
    ["programmes:my-work", "programmes:list", "milestones:all"],
)
def test_no_page_has_an_inline_script_or_handler(manager_client, name):
    html = manager_client.get(reverse(name)).content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all("src=" in tag for tag in scripts), scripts
    assert not re.search(r"\son[a-z]+\s*=", html)


def test_no_template_has_an_inline_script():
    for template in (ROOT / "templates").rglob("*.html"):
        html = template.read_text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, f"{template.relative_to(ROOT)}: {tag}"
        assert not re.search(r"\son(click|change|load|submit|input)\s*=", html), template


def test_the_permissions_policy_switches_off_camera_microphone_and_location(client):
    policy = client.get(reverse("login"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_signed_in_pages_and_downloads_are_not_stored(manager_client):
    for url in (
        reverse("programmes:my-work"),
        reverse("programmes:overview", args=[AGMA]),
        reverse("spreadsheets:workbook", args=[AGMA]),
    ):
        answer = manager_client.get(url)
        assert answer.status_code == 200, url
        assert "no-store" in answer["Cache-Control"], url
        assert "private" in answer["Cache-Control"], url
