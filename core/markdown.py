"""User text is stored as Markdown and shown as HTML that can hold no markup of the user's own.

Whatever a user types is escaped first, so "<img src=…>" reads as those characters and never as
an element; Markdown then adds paragraphs, emphasis and (nested) lists; nh3 finally keeps only
that small set of tags, as a second guard.
"""

import html
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


def render_markdown(text: str | None) -> SafeString:
    if not text:
        return mark_safe("")
    converted = _converter().reset().convert(html.escape(text, quote=False))
    cleaned = nh3.clean(converted, tags=ALLOWED_TAGS, attributes={}, url_schemes=set())
    return mark_safe(cleaned)
