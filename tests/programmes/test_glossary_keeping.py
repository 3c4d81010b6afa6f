"""Keeping the glossary in the browser: adding, changing, retiring (with why) and restoring a
term, by the programme's managers only. The reports' Key prints the terms in use: a new term
appears in it, a retired one leaves it."""

import re
from html import unescape

import pytest
from django.urls import reverse

from programmes.models import GlossaryTerm
from tests.helpers import rows_of, text_of
from tests.seed_programmes import AGMA, HERTS

from .governance_helpers import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def cecg(db):
    return GlossaryTerm.objects.get(programme__slug=HERTS, term="CECG")


def key_of(client, slug) -> list[str]:
    """The rows of the Key of acronyms printed with the milestones report."""
    response = client.get(reverse("reports:preview", args=[slug, "milestones"]))
    assert response.status_code == 200
    html = response.content.decode()
    key = re.search(r'<table class="glossary">.*?</table>', html, flags=re.S).group(0)
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split())
        for row in re.findall(r"<tr>.*?</tr>", key.split("<tbody>")[1], flags=re.S)
    ]


def test_manager_adds_a_term_and_the_key_prints_it(manager_client, agma):
    meaning = "Transfer of Undertakings (Protection of Employment)"
    form = {"term": "TUPE", "meaning": meaning}
    response = manager_client.post(page("term-create"), form)
    assert response.status_code == 302
    term = GlossaryTerm.objects.get(programme=agma, term="TUPE")
    assert term.history.get().history_user.username == "manager"
    rows = rows_of(manager_client.get(page("glossary")), "terms")
    assert f"TUPE {meaning} Change TUPE · Retire TUPE" in rows
    assert f"TUPE {meaning}" in key_of(manager_client, AGMA)


def test_a_term_already_explained_is_refused(manager_client, cecg):
    response = manager_client.post(
        page("term-create", slug=HERTS), {"term": "CECG", "meaning": "Something else"}
    )
    assert response.status_code == 200
    assert "This programme's glossary already explains this term." in text_of(response)
    assert GlossaryTerm.objects.filter(programme=cecg.programme, term="CECG").count() == 1


def test_manager_changes_a_meaning(manager_client, cecg):
    form = {"term": "CECG", "meaning": "Chief Executives' Coordination Group", "version": 1}
    assert manager_client.post(page("term-edit", slug=HERTS, pk=cecg.pk), form).status_code == 302
    cecg.refresh_from_db()
    assert (cecg.meaning, cecg.version) == ("Chief Executives' Coordination Group", 2)


def test_a_stale_edit_of_a_term_is_refused(manager_client, cecg):
    url = page("term-edit", slug=HERTS, pk=cecg.pk)
    manager_client.post(url, {"term": "CECG", "meaning": "Theirs", "version": 1})
    response = manager_client.post(url, {"term": "CECG!", "meaning": cecg.meaning, "version": 1})
    assert "saved this term while you were editing it" in text_of(response)
    cecg.refresh_from_db()
    assert (cecg.term, cecg.meaning) == ("CECG", "Theirs")


def test_retiring_a_term_keeps_it_but_leaves_it_out_of_the_key(manager_client, cecg):
    assert "CECG Chief Executives' Co-ordination Group" in key_of(manager_client, HERTS)
    form = {"version": cecg.version, "reason": "The group was disbanded"}
    response = manager_client.post(page("term-retire", slug=HERTS, pk=cecg.pk), form)
    assert response.status_code == 302
    cecg.refresh_from_db()
    assert (cecg.is_retired, cecg.retired_reason) == (True, "The group was disbanded")
    glossary = manager_client.get(page("glossary", slug=HERTS))
    assert not any(row.startswith("CECG") for row in rows_of(glossary, "terms"))
    assert rows_of(glossary, "retired") == [
        "CECG Chief Executives' Co-ordination Group The group was disbanded Restore CECG"
    ]
    assert not any(row.startswith("CECG") for row in key_of(manager_client, HERTS))


def test_retiring_needs_a_reason(manager_client, cecg):
    url = page("term-retire", slug=HERTS, pk=cecg.pk)
    response = manager_client.post(url, {"version": cecg.version, "reason": " "})
    assert "Why is it retired?: This field is required." in text_of(response)
    cecg.refresh_from_db()
    assert not cecg.is_retired


def test_a_retired_term_can_be_restored_unless_explained_again_meanwhile(manager_client, cecg):
    cecg.is_retired, cecg.retired_reason = True, "Disbanded"
    cecg.save()
    again = GlossaryTerm.objects.create(programme=cecg.programme, term="CECG", meaning="New")
    url = page("term-restore", slug=HERTS, pk=cecg.pk)
    response = manager_client.post(url, {"version": cecg.version})
    assert "This programme's glossary already explains this term." in text_of(response)
    again.delete()
    assert manager_client.post(url, {"version": cecg.version}).status_code == 302
    cecg.refresh_from_db()
    assert (cecg.is_retired, cecg.retired_reason) == (False, "")
    assert "CECG Chief Executives' Co-ordination Group" in key_of(manager_client, HERTS)


def test_only_managers_see_the_buttons(manager_client, reader_client, champion_client):
    assert "Add a term" in text_of(manager_client.get(page("glossary")))
    for client in (reader_client, champion_client):
        text = text_of(client.get(page("glossary")))
        assert "Add a term" not in text and "Retire" not in text


def test_everyone_else_is_refused_and_nothing_changes(refused_clients, agma):
    term = GlossaryTerm.objects.filter(programme=agma).first()
    crafted = {"term": "Hijacked", "meaning": "x", "version": 1, "reason": "x"}
    urls = [page("term-create")] + [
        page(name, pk=term.pk) for name in ("term-edit", "term-retire", "term-restore")
    ]
    for url in urls:
        for who, client in refused_clients.items():
            assert client.get(url).status_code == 403, (url, who)
            assert client.post(url, crafted).status_code == 403, (url, who)
    term.refresh_from_db()
    assert (term.version, term.is_retired) == (1, False)
    assert not GlossaryTerm.objects.filter(term="Hijacked").exists()


def test_an_administrator_adds_a_term(admin_client_logged_in, agma):
    form = {"term": "SLA", "meaning": "Service level agreement"}
    assert admin_client_logged_in.post(page("term-create"), form).status_code == 302
    assert GlossaryTerm.objects.filter(programme=agma, term="SLA").exists()
