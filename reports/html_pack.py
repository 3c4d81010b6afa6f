"""A report as one accessible HTML file: public-sector guidance is HTML first, PDF in addition.

The file is the PDF's report, not a second one: the same report data and the same body template
(``reports/includes/body.html``) that ``reports.rendering`` prints, inside a page of its own
(``reports/download.html``) with a ``<main>`` landmark. It stands alone, years later and offline:

- the report's stylesheet (``static/reports/report.css``) and the screen page's
  (``static/reports/html.css``) are inlined;
- the shipped font is embedded as ``data:`` URLs, cut down to the Latin letters, figures and
  punctuation reports print (characters beyond them fall back to the reader's own sans-serif).
  Embedding a subset in a document is what the PDF does too; the font's licence (OFL, Reserved
  Font Name "Source") allows it in documents, not as separate modified font files;
- the logo, if any, is a ``data:`` URL, read through the PDF's own fetcher and its size limit;
- nothing runs and nothing is fetched: the templates hold no script, and a
  Content-Security-Policy allows only inline styles and ``data:`` images and fonts, so even markup
  that slipped through could not reach out.
"""

import base64
import io
from functools import cache

from django.template.loader import render_to_string
from fontTools import subset
from fontTools.ttLib import TTFont

from .fetcher import FONT_DIR, RefusedURL, ReportURLFetcher, logo_url, static_bytes
from .rendering import report_context, static_text

HTML_TEMPLATE = "reports/download.html"
STYLESHEETS = ("reports/report.css", "reports/html.css")
CONTENT_TYPE = "text/html; charset=utf-8"

FONT_FAMILY = "Source Sans 3"
FONT_FILES = {
    ("normal", 400): "SourceSans3_400Regular.ttf",
    ("italic", 400): "SourceSans3_400Regular_Italic.ttf",
    ("normal", 700): "SourceSans3_700Bold.ttf",
    ("italic", 700): "SourceSans3_700Bold_Italic.ttf",
}
# Basic Latin, Latin-1 (£, accented names), Latin Extended-A, dashes, quotes, bullets and
# ellipsis, the euro, arrows and the comparison signs reports use.
FONT_CHARACTERS = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    *range(0x2010, 0x203B),
    *(0x20AC, 0x2122, 0x2190, 0x2192, 0x2212, 0x2264, 0x2265),
)
# Ligatures, kerning and accents: what the text needs to look as it does in the PDF.
FONT_FEATURES = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]


@cache
def font_data_url(file_name: str) -> str:
    """One of the shipped font files as a WOFF2 ``data:`` URL, cut down to ``FONT_CHARACTERS``.
    Computed once per process: cutting a font takes a second or more."""
    font = TTFont(io.BytesIO(static_bytes(f"{FONT_DIR}/{file_name}")))
    options = subset.Options()
    options.layout_features = FONT_FEATURES
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FONT_CHARACTERS)
    subsetter.subset(font)
    font.flavor = "woff2"
    data = io.BytesIO()
    font.save(data)
    return "data:font/woff2;base64," + base64.b64encode(data.getvalue()).decode("ascii")


def font_faces() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-style: {style}; '
        f'font-weight: {weight}; src: url("{font_data_url(file_name)}") format("woff2"); }}'
        for (style, weight), file_name in FONT_FILES.items()
    )


def stylesheet() -> str:
    """Every style the file needs, for one ``<style>`` element."""
    return "\n".join([font_faces(), *(static_text(path) for path in STYLESHEETS)])


def logo_data_url(logo_name: str | None) -> str:
    """The report's logo as a ``data:`` URL; empty when there is none or it may not be used."""
    if not logo_name:
        return ""
    try:
        response = ReportURLFetcher(logo_name=logo_name).fetch(logo_url(logo_name))
    except (RefusedURL, OSError):
        return ""
    encoded = base64.b64encode(response.read()).decode("ascii")
    return f"data:{response.headers.get_content_type()};base64,{encoded}"


def render_html(report) -> bytes:
    """The report as one self-contained HTML document, UTF-8."""
    # The PDF's context, with the logo carried inside the file instead of fetched.
    context = report_context(report, for_print=True) | {
        "logo_src": logo_data_url(report.logo_name),
        "stylesheet": stylesheet(),
    }
    return render_to_string(HTML_TEMPLATE, context).encode("utf-8")
