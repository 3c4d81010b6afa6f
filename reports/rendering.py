"""Reports to HTML and PDF.

One template, ``reports/print.html``, holds a whole report; the browser preview includes the same
body. WeasyPrint prints it with two small stylesheets (``static/reports/report.css`` for the
report's look, ``static/reports/print.css`` for pages, running header and footer, and the shipped
font) and the fetcher of ``reports.fetcher``, which refuses everything but the font and the logo.

WeasyPrint spends a noticeable time parsing stylesheets and loading fonts, so each thread keeps
its parsed stylesheets and font configuration for the life of the process (except in DEBUG,
where a changed stylesheet shows at once).

A long report prints in sections in several processes, merged into one PDF
(``reports.sections``); below ``REPORT_SECTIONS_MIN_BYTES`` of HTML it prints in one go.
"""

import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from .fetcher import ReportURLFetcher, logo_url
from .sections import print_in_sections

PRINT_TEMPLATE = "reports/print.html"
STYLESHEETS = ("reports/report.css", "reports/print.css")
# Tagged PDF (PDF/UA-1): headings, tables and lists that screen readers can follow; it also
# writes the title and language into the document's XMP metadata.
PDF_VARIANT = "pdf/ua-1"

_local = threading.local()


@dataclass(frozen=True)
class RenderedPDF:
    content: bytes
    pages: int


def report_context(report, *, for_print: bool) -> dict:
    """What the report templates need besides the report: the logo's address, which differs
    between the PDF (through the fetcher) and the browser (the storage's URL)."""
    logo_src = ""
    if report.logo_name:
        logo_src = (
            logo_url(report.logo_name) if for_print else default_storage.url(report.logo_name)
        )
    return {"report": report, "logo_src": logo_src, "for_print": for_print}


def report_html(report) -> str:
    """The whole report as one HTML document, as WeasyPrint prints it."""
    return render_to_string(PRINT_TEMPLATE, report_context(report, for_print=True))


def static_text(path: str) -> str:
    with open(finders.find(path), encoding="utf-8") as file:
        return file.read()


def _styles() -> tuple[FontConfiguration, list[CSS]]:
    cached = getattr(_local, "styles", None)
    if cached is None or settings.DEBUG:
        font_config = FontConfiguration()
        fetcher = ReportURLFetcher()
        sheets = [
            CSS(string=static_text(path), font_config=font_config, url_fetcher=fetcher)
            for path in STYLESHEETS
        ]
        cached = _local.styles = (font_config, sheets)
    return cached


def laid_out(report, html: str | None = None):
    """The report laid out on its pages (a WeasyPrint document), ready to write as a PDF."""
    font_config, stylesheets = _styles()
    return HTML(
        string=report_html(report) if html is None else html,
        url_fetcher=ReportURLFetcher(logo_name=report.logo_name),
    ).render(font_config=font_config, stylesheets=stylesheets, pdf_variant=PDF_VARIANT)


def render_pdf(report) -> RenderedPDF:
    """The report as a tagged PDF: in one go, or a long one in sections (``reports.sections``)
    when its HTML is larger than ``REPORT_SECTIONS_MIN_BYTES``."""
    html = report_html(report)
    if len(html) > settings.REPORT_SECTIONS_MIN_BYTES:
        with tempfile.NamedTemporaryFile(suffix=".pdf") as merged:
            pages = print_in_sections(
                html,
                stylesheets=tuple(static_text(path) for path in STYLESHEETS),
                logo_name=report.logo_name,
                pdf_variant=PDF_VARIANT,
                target=merged.name,
            )
            if pages is not None:
                return RenderedPDF(Path(merged.name).read_bytes(), pages)
    document = laid_out(report, html)
    return RenderedPDF(document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages))
