"""Long reports printed in sections, in parallel, and merged into one PDF.

A report whose HTML is larger than ``REPORT_SECTIONS_MIN_BYTES`` is cut at its section
boundaries: between the blocks of the report's body (a service area's table, a written section,
a part), descending into a block that wraps many others (the closure report's Appendix of key
milestones wraps a table per area) and repeating its wrapper in each piece. Never straight
after a heading, nor between a table and the mark that ends it. Each section is a whole HTML
document (the same head, body and report wrapper) and starts on a new page; the first holds the
masthead, and the later ones are given the running header's words the masthead set (programme,
title, as-at date, issue) as literal ``string-set`` values, so every page's header reads as it
would printed in one go.

``REPORT_RENDER_PROCESSES`` processes (``spawn``ed: a fresh interpreter, safe beside Django's
connections and threads) print the sections, each to its own temporary file, so a worker holds
one section's layout at a time and the parent never holds more than the merged file. The
footer's "Page N of M" needs the whole report's page count, known only when every section is
printed, so sections print without it and ``reports.pdf_merge`` adds it afterwards, with the
structure tree, outline and named destinations of every section joined into one.

A report smaller than the threshold, or one with no boundary to cut at, prints in one go as
before (``reports.rendering``).
"""

import logging
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import lxml.html
from django.conf import settings

from .fetcher import REPORT_STATIC_FILES, STATIC_SCHEME, RefusedURL, ReportURLFetcher, logo_url
from .pdf_merge import merge_sections
from .section_worker import Resources, Section, print_section

logger = logging.getLogger(__name__)

REPORT_CONTENT = "report-content"
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
WRAPPERS = {"section", "div"}

# The running header's strings (static/reports/print.css) and the elements that set them.
RUNNING_STRINGS = {
    "programme": "running-programme",
    "title": "title",
    "as-at": "as-at",
    "issue": "issue-note",
}
CONTINUED = "continued"  # set by th[data-continued], emptied by .table-end

# The footer's page number, added after merging: every section prints without it.
WITHOUT_PAGE_NUMBER = "@page { @bottom-right { content: none } }"


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _weight(element) -> int:
    return sum(1 for _ in element.iter())


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _units(element, path: tuple, target: int) -> list[tuple[tuple, object]]:
    """The report body's blocks, each with the wrappers it sits in: a wrapper larger than a
    section's share is opened up when it holds nothing but blocks."""
    units = []
    for child in element:
        if (
            child.tag in WRAPPERS
            and _weight(child) > target
            and len(child) > 1
            and _blank(child.text)
            and all(_blank(grandchild.tail) for grandchild in child)
        ):
            units.extend(_units(child, (*path, child), target))
        else:
            units.append((path, child))
    return units


def _may_cut_before(previous, following) -> bool:
    return (
        previous.tag not in HEADINGS
        and previous.tag != "header"
        and "table-end" not in _classes(following)
    )


def _css_string(text: str) -> str:
    """A CSS string literal of any text: quotes, backslashes and control characters escaped."""
    escaped = "".join(
        f"\\{ord(c):x} " if c in '"\\' or ord(c) < 32 or ord(c) == 127 else c for c in text
    )
    return f'"{escaped}"'


def _running_strings(content) -> dict[str, str]:
    values = {}
    for name, css_class in RUNNING_STRINGS.items():
        found = content.find_class(css_class)
        if found:
            values[name] = " ".join(found[0].text_content().split())
    return values


def _continued_at(element, continued: str) -> str:
    """The ``continued`` string after ``element``: a table's marked header cell sets it, the
    mark after the table empties it."""
    for node in element.iter():
        if node.tag == "th" and node.get("data-continued") is not None:
            continued = node.get("data-continued") + " (continued)"
        elif "table-end" in _classes(node):
            continued = ""
    return continued


def split_report(html: str, pieces: int) -> list[tuple[str, str]]:
    """The report as at most ``pieces`` HTML documents of about equal size, each with the CSS
    that carries the running header into it; one document when there is nowhere to cut."""
    document = lxml.html.document_fromstring(html)
    contents = [e for e in document.iter("div") if REPORT_CONTENT in _classes(e)]
    if len(contents) != 1 or pieces < 2:
        return [(html, "")]
    content = contents[0]
    target = max(1, _weight(content) // pieces)
    units = _units(content, (), target)

    groups: list[list] = [[]]
    size = 0
    for index, (path, element) in enumerate(units):
        if (
            size >= target
            and len(groups) < pieces
            and _may_cut_before(units[index - 1][1], element)
        ):
            groups.append([])
            size = 0
        groups[-1].append((path, element))
        size += _weight(element)
    if len(groups) < 2:
        return [(html, "")]

    running = _running_strings(content)
    for child in list(content):
        content.remove(child)
    content.text = "\n"
    marker = lxml.html.fromstring("<template></template>")
    content.append(marker)
    skeleton = lxml.html.tostring(document, doctype="<!doctype html>", encoding="unicode")
    head, tail = skeleton.split("<template></template>")

    sections = []
    continued = ""
    copied = set()
    for number, group in enumerate(groups):
        extra = ""
        if number:
            carried = {**running, CONTINUED: continued}
            values = ", ".join(f"{name} {_css_string(v)}" for name, v in carried.items())
            extra = f".report-content {{ string-set: {values} }}"
        body = []
        opened: list = []  # (original wrapper, its copy in this section)
        for path, element in group:
            common = 0
            while common < min(len(opened), len(path)) and opened[common][0] is path[common]:
                common += 1
            del opened[common:]
            for wrapper in path[common:]:
                attributes = dict(wrapper.attrib)
                if wrapper in copied:  # an id names one element, so only its first copy
                    attributes.pop("id", None)
                copied.add(wrapper)
                twin = document.makeelement(wrapper.tag, attributes)
                twin.text = "\n"
                (opened[-1][1] if opened else body).append(twin)
                opened.append((wrapper, twin))
            continued = _continued_at(element, continued)
            (opened[-1][1] if opened else body).append(element)
        sections.append(
            (
                head + "".join(lxml.html.tostring(e, encoding="unicode") for e in body) + tail,
                extra,
            )
        )
    return sections


def prepared_resources(logo_name: str | None) -> Resources:
    """Every file the report may use, fetched here through ``ReportURLFetcher`` (which decides
    what is allowed) for the workers to serve."""
    fetcher = ReportURLFetcher(logo_name=logo_name)
    urls = [STATIC_SCHEME + path for path in sorted(REPORT_STATIC_FILES)]
    if logo_name:
        urls.append(logo_url(logo_name))
    files = {}
    for url in urls:
        try:
            response = fetcher.fetch(url)
        except RefusedURL:
            continue  # printed without it, as in one go
        files[url] = (response.read(), response.headers.get_content_type())
    return Resources(files)


def processes() -> int:
    return settings.REPORT_RENDER_PROCESSES or os.cpu_count() or 1


def print_in_sections(
    html: str, *, stylesheets: tuple[str, ...], logo_name: str | None, pdf_variant: str, target
) -> int | None:
    """Print the report in sections into ``target`` (a path); its number of pages, or None when
    it has nowhere to cut (the caller prints it in one go)."""
    workers = processes()
    began, parent_cpu = time.perf_counter(), time.process_time()
    pieces = split_report(html, max(workers, -(-len(html) // settings.REPORT_SECTION_BYTES)))
    if len(pieces) < 2:
        return None
    resources = prepared_resources(logo_name)
    split = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="report-sections-") as folder:
        sections = [
            Section(
                html=piece,
                stylesheets=(*stylesheets, WITHOUT_PAGE_NUMBER, extra),
                resources=resources,
                pdf_variant=pdf_variant,
                path=str(Path(folder) / f"section-{number:03d}.pdf"),
            )
            for number, (piece, extra) in enumerate(pieces)
        ]
        del pieces
        with ProcessPoolExecutor(
            max_workers=min(workers, len(sections)), mp_context=get_context("spawn")
        ) as pool:
            printed = list(pool.map(print_section, sections))
        count = len(sections)
        del sections
        rendered = time.perf_counter()
        pages = merge_sections(printed, stylesheets=stylesheets, resources=resources, target=target)
    by_worker: dict[int, float] = {}
    for section in printed:
        by_worker[section.worker] = by_worker.get(section.worker, 0) + section.cpu_seconds
    logger.info(
        "Printed %d pages in %d sections with %d processes: %.1f s to cut, %.1f s to print, "
        "%.1f s to merge and number the pages; processor time %.1f s here and %s s in the "
        "workers.",
        pages,
        count,
        len(by_worker),
        split - began,
        rendered - split,
        time.perf_counter() - rendered,
        time.process_time() - parent_cpu,
        " + ".join(f"{seconds:.1f}" for seconds in sorted(by_worker.values(), reverse=True)),
    )
    return pages
