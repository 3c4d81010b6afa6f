"""Every kind of report downloads as one accessible HTML file: the PDF's headings and facts,
a language, a title, one h1, a main landmark, tables with header cells and their scope, the
chart as a drawing with its words, and nothing that runs or is fetched from elsewhere."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from programmes.models import Programme
from reports.html_pack import render_html
from reports.kinds import build_report, get_kind
from reports.models import ReportBranding
from reports.options import ReportOptions
from reports.rendering import report_html

from .conftest import SEED_AS_AT
from .html_outline import outline
from .test_seed_reports import AGMA, ETTW, FACTS, GLOSSARY, HERTS, MIP, WIGAN

pytestmark = pytest.mark.django_db

# Each seed's own report, and the two kinds no seed was written as, where a seed has their data.
CASES = [
    ("milestones", AGMA),
    ("programme", ETTW),
    ("committee", MIP),
    ("grid", HERTS),
    ("closure", WIGAN),
    ("risks", WIGAN),
    ("savings", WIGAN),
]


def download(client, kind, slug, **params):
    url = reverse("reports:html", args=[slug, kind])
    return client.get(url, {"as_at": SEED_AS_AT[slug].strftime("%d/%m/%Y"), **params})


@pytest.mark.parametrize(("kind", "slug"), CASES)
def test_report_downloads_as_one_accessible_html_file(reader_client, kind, slug):
    # Dates in one style, as the seed-fact lists are written (test_seed_reports).
    response = download(reader_client, kind, slug, normalise="on")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    as_at = SEED_AS_AT[slug]
    assert response["Content-Disposition"] == (
        f'attachment; filename="{slug}-{kind}-{as_at:%Y-%m-%d}.html"'
    )
    page = outline(response.content.decode("utf-8"))

    assert page.lang == "en-GB"
    report = build_report(get_kind(kind), Programme.objects.get(slug=slug), ReportOptions(as_at))
    assert page.title == report.title
    assert [level for level, _ in page.headings].count(1) == 1
    assert page.headings[0] == (1, report.title)
    assert "main" in page.landmarks
    assert f"As at {as_at:%-d %B %Y}" in page.text
    assert "Draft, not issued" in page.text

    missing = [fact for fact in [*FACTS[kind, slug], GLOSSARY[slug]] if fact not in page.text]
    assert not missing, f"not in the HTML {kind} report of {slug}: {missing}"

    assert page.tables, "every one of these reports prints at least one table"
    for header_cells in page.tables:
        assert header_cells, "a table without header cells"
        assert all(
            cell.get("scope") in {"col", "row", "colgroup", "rowgroup"} for cell in header_cells
        )

    assert page.scripts == 0
    assert page.outside_fetches() == []
    assert "Content-Security-Policy" in response.content.decode()


@pytest.mark.parametrize(("kind", "slug"), CASES)
def test_html_has_the_headings_of_the_printed_report(kind, slug, rendered):
    """The same headings, in the same order, as the document WeasyPrint prints; and each of
    them is in the PDF's text."""
    report = build_report(
        get_kind(kind), Programme.objects.get(slug=slug), ReportOptions(SEED_AS_AT[slug])
    )
    html = outline(render_html(report).decode())
    printed = outline(report_html(report))
    assert html.headings == printed.headings
    pdf_text = rendered(kind, slug).text
    assert [text for _, text in html.headings if text not in pdf_text] == []


def test_savings_chart_is_a_drawing_with_its_words(reader_client):
    page = outline(download(reader_client, "savings", WIGAN).content.decode())
    (chart,) = page.svgs
    assert chart["role"] == "img"
    assert chart["aria-labelledby"]
    assert chart["title"] == "Support Services Review: savings by financial year"
    assert "£1.316m" in page.text
    assert page.images == []


def test_html_follows_the_report_options(reader_client):
    """Sections left out of the preview are left out of the HTML, as of the PDF."""
    shown = outline(download(reader_client, "milestones", AGMA).content.decode())
    assert "Key to Stages" in [text for _, text in shown.headings]
    hidden = outline(
        download(
            reader_client,
            "milestones",
            AGMA,
            sections_chosen="on",
            sections=["comments", "glossary"],
        ).content.decode()
    )
    assert "Key to Stages" not in [text for _, text in hidden.headings]


def test_logo_travels_inside_the_file(reader_client, tmp_path):
    programme = Programme.objects.get(slug=AGMA)
    image = tmp_path / "logo.png"
    Image.new("RGB", (40, 20), "navy").save(image)
    branding, _ = ReportBranding.objects.get_or_create(organisation=programme.lead_organisation)
    branding.logo.save("agma.png", ContentFile(image.read_bytes()))
    try:
        page = outline(download(reader_client, "savings", AGMA).content.decode())
    finally:
        default_storage.delete(branding.logo.name)
    (logo,) = page.images
    assert logo["src"].startswith("data:image/png;base64,")
    assert logo["alt"] == "Association of Greater Manchester Authorities"
    assert page.outside_fetches() == []


def test_font_is_carried_inside_the_file(reader_client):
    html = download(reader_client, "risks", WIGAN).content.decode()
    faces = re.findall(r"@font-face\s*{[^}]*}", html)
    assert len(faces) == 4
    assert all('url("data:font/woff2;base64,' in face for face in faces)


def test_a_report_nobody_may_see_is_not_downloaded(client, champion_client):
    url = reverse("reports:html", args=[AGMA, "milestones"])
    assert client.get(url).status_code in (302, 403)
    response = champion_client.get(reverse("reports:html", args=[WIGAN, "milestones"]))
    assert response.status_code in (403, 404)


def test_unknown_kind_is_not_found(reader_client):
    assert reader_client.get(reverse("reports:html", args=[AGMA, "nonsense"])).status_code == 404


def test_invalid_options_go_back_to_the_preview_with_their_errors(reader_client):
    response = reader_client.get(reverse("reports:html", args=[AGMA, "milestones"]), {"as_at": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reports:preview", args=[AGMA, "milestones"]))


def test_reports_page_offers_html_beside_each_pdf(reader_client):
    page = reader_client.get(reverse("reports:index", args=[AGMA])).content.decode()
    for kind in ("milestones", "programme", "grid", "committee", "closure", "risks", "savings"):
        pdf = reverse("reports:pdf", args=[AGMA, kind])
        html = reverse("reports:html", args=[AGMA, kind])
        assert re.search(
            rf'href="{pdf}">Download PDF.*?</a>\s*<a [^>]*href="{html}">Download HTML', page
        ), kind
    preview = reader_client.get(reverse("reports:preview", args=[AGMA, "savings"]))
    assert f'formaction="{reverse("reports:html", args=[AGMA, "savings"])}">Download HTML' in (
        preview.content.decode()
    )
