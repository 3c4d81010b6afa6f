"""User text is stored as Markdown and shown as HTML that can hold no markup of the user's own.

Whatever a user types is escaped first, so "<img src=…>" reads as those characters and never as
an element; Markdown then adds paragraphs, emphasis and (nested) lists; nh3 finally keeps only
that small set of tags, as a second guard.
"""

import functools
import html
import re
import threading

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "br", "h3", "h4", "blockquote", "code"}
# Tables written in Markdown ("| Question | Answer |", seed 004's sign-off) print as tables.
ALLOWED_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}


_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    # Building a converter loads its extensions (milliseconds each); a Markdown instance is not
    # thread-safe, so each thread keeps its own and resets it between texts.
    if not hasattr(_local, "converter"):
        _local.converter = markdown_lib.Markdown(
            extensions=["sane_lists", "tables"], output_format="html"
        )
    return _local.converter


# The HTML depends on nothing but the text, so texts shown again (every comment on every view
# of a page) are converted once per process: a page of fifty comments then costs lookups, not
# fifty Markdown conversions. Keyed on the text itself, an edited comment is never served stale.
RENDERED_CACHE_SIZE = 8192


_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _breaks_in_bullets_kept(text: str) -> str:
    """A line typed under a bullet without a bullet of its own starts a new line in that bullet,
    as the author wrote it (Markdown would join it to the line above). The line above ends in a
    Markdown hard break; paragraphs outside lists are left to flow as before."""
    lines = text.split("\n")
    in_item = False
    for number, line in enumerate(lines):
        if _LIST_ITEM_RE.match(line):
            in_item = True
        elif not line.strip():
            in_item = False
        elif in_item and number:
            lines[number - 1] = lines[number - 1].rstrip() + "  "
    return "\n".join(lines)


@functools.lru_cache(maxsize=RENDERED_CACHE_SIZE)
def _render(text: str) -> str:
    converted = (
        _converter()
        .reset()
        .convert(html.escape(_breaks_in_bullets_kept(text.replace("\r\n", "\n")), quote=False))
    )
    cleaned = nh3.clean(converted, tags=ALLOWED_TAGS, attributes={}, url_schemes=set())
    # A Markdown table's header cells are its header row: say so to screen readers (and PDF
    # tags). Every attribute was removed above, so each header cell reads exactly "<th>".
    return cleaned.replace("<th>", '<th scope="col">')


def render_markdown(text: str | None) -> SafeString:
    if not text:
        return mark_safe("")
    return mark_safe(_render(str(text)))
