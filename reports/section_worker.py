"""Printing one section of a long report in a worker process.

``reports.sections`` splits a long report into sections and runs ``print_section`` for each in
a pool of processes started with ``spawn`` (a fresh interpreter: nothing of the parent's
database connections or threads is inherited). This module therefore imports no Django: the
parent hands each worker the section's HTML, the stylesheets' text and the bytes of every file
``reports.fetcher`` allowed the report to use (the font and the logo), and the worker's fetcher
serves only those, refusing everything else exactly as the parent's would.

Each worker keeps its parsed stylesheets and font configuration for its life, as
``reports.rendering`` does in the web process, and writes each section's PDF to the file it is
given, so only the page count, the page sizes and the bookmarks travel back.
"""

import hashlib
import logging
import os
import time
from dataclasses import dataclass

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

_styles: dict[str, tuple[FontConfiguration, list[CSS]]] = {}


@dataclass(frozen=True)
class Resources:
    """What a report may fetch, fetched already: URL → (bytes, content type)."""

    files: dict[str, tuple[bytes, str]]


class PreparedFetcher(URLFetcher):
    """Serves the files the parent's ``ReportURLFetcher`` fetched for this report; nothing
    else."""

    def __init__(self, resources: Resources):
        super().__init__(timeout=1, allowed_protocols=frozenset(), allow_redirects=False)
        self.resources = resources

    def fetch(self, url, headers=None):
        if url in self.resources.files:
            data, content_type = self.resources.files[url]
            return URLFetcherResponse(url, data, {"Content-Type": content_type})
        logger.warning("A report asked for %.200r; refused.", url)
        raise ValueError(f"Reports may not fetch {url[:200]}")


@dataclass(frozen=True)
class Section:
    """One section to print: a whole HTML document holding part of the report."""

    html: str
    stylesheets: tuple[str, ...]
    resources: Resources
    pdf_variant: str
    path: str  # where to write its PDF


@dataclass(frozen=True)
class PrintedSection:
    path: str
    page_sizes: list[tuple[float, float]]  # in CSS pixels, as WeasyPrint lays pages out
    # Each page's bookmarks as WeasyPrint keeps them: (level, label, (x, y), state).
    page_bookmarks: list[list[tuple]]
    worker: int  # the process that printed it
    cpu_seconds: float  # and the processor time it took

    @property
    def pages(self) -> int:
        return len(self.page_sizes)


def _stylesheets(texts: tuple[str, ...], fetcher: URLFetcher):
    key = hashlib.sha256("\0".join(texts).encode()).hexdigest()
    if key not in _styles:
        font_config = FontConfiguration()
        sheets = [CSS(string=text, font_config=font_config, url_fetcher=fetcher) for text in texts]
        _styles[key] = (font_config, sheets)
    return _styles[key]


def print_section(section: Section) -> PrintedSection:
    began = time.process_time()
    fetcher = PreparedFetcher(section.resources)
    font_config, stylesheets = _stylesheets(section.stylesheets, fetcher)
    document = HTML(string=section.html, url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=stylesheets, pdf_variant=section.pdf_variant
    )
    document.write_pdf(section.path, pdf_variant=section.pdf_variant)
    return PrintedSection(
        path=section.path,
        page_sizes=[(page.width, page.height) for page in document.pages],
        page_bookmarks=[list(page.bookmarks) for page in document.pages],
        worker=os.getpid(),
        cpu_seconds=time.process_time() - began,
    )
