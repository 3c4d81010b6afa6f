"""The Structure page: a programme's managers set out a report's parts (order, numbers,
headings, which are printed), starting from the seed's format and back to it, through the
versioned write path with its history; nobody else may."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from programmes.models import Programme
from programmes.rights import Rights
from reports.layouts import layout_parts, layout_save
from reports.models import ReportLayout
from reports.structure import preset

pytestmark = pytest.mark.django_db

SLUG = "manchester-improvement-programme"
URL = reverse("reports:structure", args=[SLUG, "committee"])


def form_data(response, **changes) -> dict:
    """The page's form as it would be sent back, with ``changes`` ({"parts-3-title": …})."""
    formset = response.context["formset"]
    data = {
        "version": response.context["version_form"]["version"].value(),
        **{f"parts-{name}": value for name, value in formset.management_form.initial.items()},
    }
    for form in formset:
        for field in form:
            value = field.value()
            if field.name == "shown":
                if value:
                    data[field.html_name] = "on"
            else:
                data[field.html_name] = "" if value is None else value
    data.update(changes)
    return data


def index_of(response, key: str) -> int:
    return [form["key"].value() for form in response.context["formset"]].index(key)


def test_the_page_starts_from_the_seeds_format(manager_client):
    page = manager_client.get(URL)
    text = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Structure of the committee report</h1>" in text
    assert "follows its preset" in text
    legends = [form.legend for form in page.context["formset"]]
    assert legends[:2] == [
        "Cover sheet",
        "The cover sheet's written sections (not placed elsewhere)",
    ]
    assert "Work programme: the items under their numbered headings" in text
    assert '<label class="form-label" for="id_parts-0-position">Place in the report</label>' in text
    assert "Reset to the preset" not in text  # nothing of its own to reset


def test_a_manager_renames_moves_and_hides_parts_and_the_report_follows(manager_client):
    page = manager_client.get(URL)
    work = index_of(page, "work_programme")
    papers = index_of(page, "background_papers")
    achievements = index_of(page, "achievements")
    data = form_data(
        page,
        **{
            f"parts-{work}-title": "Our plans for 2009/10",
            f"parts-{work}-number": "7.0",
            f"parts-{work}-position": "99",
            f"parts-{papers}-position": "1",
        },
    )
    data.pop(f"parts-{achievements}-shown")
    response = manager_client.post(URL, data, follow=True)
    text = response.content.decode()
    assert "The structure of the committee report is saved." in text
    assert "keeps its own structure" in text
    assert "kept this programme's own structure" in text

    programme = Programme.objects.get(slug=SLUG)
    parts = layout_parts(programme, "committee")
    assert [p.key for p in parts[:2]] == ["cover", "background_papers"]  # both placed first
    assert parts[-1].key == "work_programme" and parts[-1].heading == "7.0 Our plans for 2009/10"
    assert not next(p for p in parts if p.key == "achievements").shown
    # Where the work programme goes in the text stays as the preset has it.
    assert parts[-1].after == "6.0"

    preview = manager_client.get(
        reverse("reports:preview", args=[SLUG, "committee"]), {"as_at": "05/02/2009"}
    ).content.decode()
    assert "<h2>7.0 Our plans for 2009/10</h2>" in preview
    assert "<h3>5.1 MiCARE Implementation" not in preview  # the key achievements are off


def test_reset_puts_the_preset_back_and_the_history_says_so(manager_client):
    page = manager_client.get(URL)
    manager_client.post(URL, form_data(page, **{"parts-0-title": "Front sheet"}))
    page = manager_client.get(URL)
    assert "Reset to the preset" in page.content.decode()
    response = manager_client.post(
        URL, {"reset": "1", "version": page.context["version_form"]["version"].value()}, follow=True
    )
    text = response.content.decode()
    assert "The structure of the committee report is back to the preset." in text
    assert "reset it to the preset" in text
    assert layout_parts(Programme.objects.get(slug=SLUG), "committee") == preset("committee")


def test_a_save_over_someone_elses_is_refused_and_nothing_changes(manager_client):
    page = manager_client.get(URL)  # opened on the preset (version 0)
    manager = Rights.of(page.wsgi_request.user)
    layout_save(
        programme=Programme.objects.get(slug=SLUG),
        kind="committee",
        parts=preset("committee")[::-1],
        opened_version=None,
        by=page.wsgi_request.user,
        rights=manager,
    )
    response = manager_client.post(URL, form_data(page, **{"parts-0-title": "Mine"}))
    assert response.status_code == 409
    assert "saved this structure while you were editing it" in response.content.decode()
    saved = ReportLayout.objects.get(programme__slug=SLUG, kind="committee")
    assert saved.version == 1 and saved.parts[0]["key"] == "background_papers"


def test_a_part_the_report_does_not_have_is_refused(manager_client):
    page = manager_client.get(URL)
    response = manager_client.post(URL, form_data(page, **{"parts-0-key": "invented"}))
    assert response.status_code == 400
    assert "This report has no part called “invented”." in response.content.decode()
    assert not ReportLayout.objects.filter(programme__slug=SLUG).exists()


def test_a_place_that_is_not_a_number_is_named_in_the_errors(manager_client):
    page = manager_client.get(URL)
    response = manager_client.post(URL, form_data(page, **{"parts-1-position": "first"}))
    assert response.status_code == 400
    assert "place in the report: Enter a whole number." in response.content.decode()


def test_readers_may_not_change_a_structure(reader_client, django_user_model):
    assert reader_client.get(URL).status_code == 403
    assert reader_client.post(URL, {"reset": "1", "version": "0"}).status_code == 403
    reader = django_user_model.objects.get(username="reader")
    with pytest.raises(PermissionDenied):
        layout_save(
            programme=Programme.objects.get(slug=SLUG),
            kind="committee",
            parts=preset("committee"),
            opened_version=None,
            by=reader,
            rights=Rights.of(reader),
        )
    assert not ReportLayout.objects.exists()


def test_managers_find_the_page_from_the_reports_page(manager_client, reader_client):
    index = reverse("reports:index", args=[SLUG])
    assert URL in manager_client.get(index).content.decode()
    assert URL not in reader_client.get(index).content.decode()
    risks = reverse("reports:structure", args=[SLUG, "risks"])
    assert manager_client.get(risks).status_code == 404
