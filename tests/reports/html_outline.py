"""What a reader (and a screen reader) finds in a downloaded HTML report: its language, title,
headings, landmarks, tables' header cells, pictures and their text, its words, and anything that
would run or fetch from elsewhere."""

import re
from html.parser import HTMLParser

from .conftest import words

# Attributes through which a page fetches or goes somewhere.
URL_ATTRIBUTES = {"src", "href", "srcset", "poster", "data", "action", "formaction", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]?([^'";\s]+)""", re.IGNORECASE)
LANDMARKS = {"main", "nav", "header", "footer", "aside"}
VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source", "wbr", "area", "base"}


class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.headings: list[tuple[int, str]] = []
        self.landmarks: list[str] = []
        self.tables: list[list[dict]] = []  # each table's header cells' attributes
        self.svgs: list[dict] = []
        self.images: list[dict] = []
        self.scripts = 0
        self.fetches: list[str] = []
        self.text_parts: list[str] = []
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self._svg_text: list[str] | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in VOID:
            self._open.append(tag)
        if tag == "html":
            self.lang = attributes.get("lang", "")
        elif tag == "title" and "svg" not in self._open[:-1]:
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        elif tag == "script":
            self.scripts += 1
        elif tag in LANDMARKS or attributes.get("role") in {"main", "navigation", "banner"}:
            self.landmarks.append(attributes.get("role") or tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "th" and self.tables:
            self.tables[-1].append(attributes)
        elif tag == "svg":
            self.svgs.append(attributes | {"title": ""})
            self._svg_text = []
        elif tag == "img":
            self.images.append(attributes)
        self.scripts += sum(1 for name in attributes if name.startswith("on"))
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.fetches.append(value)
            if name == "style" and value:
                self.fetches.extend(m[0] or m[1] for m in CSS_URL.findall(value))
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.fetches.append(attributes.get("content", ""))

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if tag == "title" and self._in_title:
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), words("".join(self._heading))))
            self._heading = None
        elif tag == "title" and self._svg_text is not None and not self.svgs[-1]["title"]:
            self.svgs[-1]["title"] = words("".join(self._svg_text))
        elif tag == "svg":
            self._svg_text = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
            return
        if self._open and self._open[-1] == "style":
            self.fetches.extend(m[0] or m[1] for m in CSS_URL.findall(data))
            return
        if self._heading is not None:
            self._heading.append(data)
        if self._svg_text is not None and self._open and self._open[-1] == "title":
            self._svg_text.append(data)
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return words(" ".join(self.text_parts))

    def outside_fetches(self) -> list[str]:
        """Every address the page would fetch or go to that is neither in the page itself (an
        anchor) nor carried in it (a data: URL)."""
        return [url for url in self.fetches if not url.startswith(("#", "data:"))]


def outline(html: str) -> Outline:
    parsed = Outline()
    parsed.feed(html)
    parsed.close()
    return parsed
