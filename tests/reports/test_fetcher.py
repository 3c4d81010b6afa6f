"""The PDF printer fetches nothing but the shipped font and the uploaded logo: hostile text in a
report (an <img> to the internal network, file:///etc/passwd, CSS url() and @import) is printed
as text, and nothing is fetched. A listening socket proves no connection is attempted."""

import socket

import pytest
from weasyprint import HTML

from milestones.models import Milestone
from programmes.models import ServiceArea
from reports.fetcher import REPORT_STATIC_FILES, RefusedURL, ReportURLFetcher, logo_url
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import render_pdf

from .conftest import SEED_AS_AT, read_pdf

AGMA = "agma-collaborative-services"


@pytest.fixture
def listener():
    """A TCP socket on 127.0.0.1 that records whether anything connected to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.5)
    yield server
    server.close()


def assert_no_connection(server):
    with pytest.raises(TimeoutError):
        connection, _ = server.accept()
        connection.close()


def hostile_text(port: int) -> str:
    base = f"http://127.0.0.1:{port}"
    return (
        f'<img src="{base}/img.png"> ![logo]({base}/markdown.png) '
        f'<link rel="attachment" href="file:///etc/passwd"> file:///etc/passwd '
        f'<style>@import url("{base}/import.css"); '
        f'body {{ background: url("{base}/background.png") }}</style> '
        f"<iframe src='{base}/frame'></iframe> <svg><image href='{base}/svg.png'/></svg>"
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.png",
        "https://example.org/font.ttf",
        "file:///etc/passwd",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://127.0.0.1/x",
        "static:reports/print.css",
        "static:../../../../etc/passwd",
        "static:fonts/source-sans-3/../../../config/settings/base.py",
        "logo:report-logos/someone-elses.png",
        "x.png",
    ],
)
def test_fetcher_refuses_everything_but_the_font_and_the_logo(url):
    fetcher = ReportURLFetcher(logo_name="report-logos/ours.png")
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)


def test_fetcher_serves_the_shipped_font():
    fetcher = ReportURLFetcher()
    for path in REPORT_STATIC_FILES:
        response = fetcher.fetch(f"static:{path}")
        assert response.read(4) == b"\x00\x01\x00\x00"  # a TrueType font


def test_weasyprint_with_the_fetcher_fetches_nothing_even_from_raw_markup(listener):
    """The last line of defence: markup that escaped nothing still fetches nothing."""
    port = listener.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    html = (
        f'<html><head><link rel="stylesheet" href="{base}/sheet.css">'
        f'<style>@import url("{base}/import.css"); '
        f'p {{ background: url("{base}/bg.png") }} '
        f'@font-face {{ font-family: X; src: url("{base}/font.ttf") }} '
        f'h1 {{ background: url("file:///etc/passwd") }}</style></head>'
        f'<body><h1>Title</h1><p>Text</p><img src="{base}/img.png">'
        f'<img src="file:///etc/passwd"><object data="{base}/object"></object>'
        f'<svg xmlns="http://www.w3.org/2000/svg"><image href="{base}/svg.png" '
        f'width="10" height="10"/></svg>'
        f'<link rel="attachment" href="file:///etc/passwd"></body></html>'
    )
    pdf = HTML(string=html, url_fetcher=ReportURLFetcher()).write_pdf()
    assert pdf.startswith(b"%PDF")
    assert_no_connection(listener)


@pytest.mark.django_db
def test_hostile_comments_print_as_text_and_fetch_nothing(listener):
    port = listener.getsockname()[1]
    area = ServiceArea.objects.get(programme__slug=AGMA, name="Customer Contact")
    text = hostile_text(port)
    Milestone.objects.filter(service_area=area).update(comment=text)
    area.name = f'<img src="http://127.0.0.1:{port}/area.png">Customer Contact'
    area.save()

    report = build_report(
        get_kind("milestones"),
        area.programme,
        ReportOptions(as_at=SEED_AS_AT[AGMA], area_ids=(area.pk,)),
    )
    printed = read_pdf(render_pdf(report).content).text

    assert_no_connection(listener)
    assert f'<img src="http://127.0.0.1:{port}/img.png">' in printed
    assert "file:///etc/passwd" in printed
    assert f'@import url("http://127.0.0.1:{port}/import.css")' in printed
    assert f'<img src="http://127.0.0.1:{port}/area.png">Customer Contact' in printed


def test_logo_urls_are_quoted_and_exact():
    assert logo_url("report-logos/our logo.png") == "logo:report-logos/our%20logo.png"
