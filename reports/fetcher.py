"""What the PDF printer may fetch: the shipped font and the organisation's uploaded logo, nothing
else.

WeasyPrint loads every image, stylesheet and font a document names through a URL fetcher. User
text is escaped before it reaches a report, but a report must stay safe even if some markup got
through: an ``<img src="http://127.0.0.1/…">`` could probe the internal network, ``file:///etc/passwd``
could read the server's files, and CSS ``url()`` or ``@import`` could do either. This fetcher
refuses all of them. It answers only two made-up schemes, which no user text can make useful:

- ``static:<path>`` for the files in ``REPORT_STATIC_FILES`` (the font), read from the
  application's static files;
- ``logo:<name>`` for the one logo file the report was built with, read through Django's storage.

Any other URL — http, https, ftp, file, data, a relative path or another static file — raises
``RefusedURL``, which WeasyPrint logs and skips: the report still prints, without that resource.
"""

import logging
from functools import cache
from urllib.parse import quote

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .validators import MAX_LOGO_BYTES

logger = logging.getLogger(__name__)

STATIC_SCHEME = "static:"
LOGO_SCHEME = "logo:"

FONT_DIR = "fonts/source-sans-3"
REPORT_STATIC_FILES = frozenset(
    f"{FONT_DIR}/SourceSans3_{style}.ttf"
    for style in ("400Regular", "400Regular_Italic", "700Bold", "700Bold_Italic")
)

_CONTENT_TYPES = {
    ".ttf": "font/ttf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


class RefusedURL(ValueError):
    """A report asked for something it may not have."""


def logo_url(name: str) -> str:
    """The URL a report's HTML uses for the uploaded logo stored as ``name``."""
    return LOGO_SCHEME + quote(name, safe="/")


@cache
def static_bytes(path: str) -> bytes:
    """One of the allowed static files, read once per process (the font is the same for every
    report)."""
    if path not in REPORT_STATIC_FILES:
        raise RefusedURL(f"{path} is not a file reports may use")
    found = finders.find(path)
    if not found:
        raise RefusedURL(f"{path} is missing from the static files")
    with open(found, "rb") as file:
        return file.read()


class ReportURLFetcher(URLFetcher):
    """WeasyPrint's fetcher, cut down to the font and one logo; see the module's docstring."""

    def __init__(self, *, logo_name: str | None = None):
        # No protocol is allowed to the parent class's opener: it is never used, and if it ever
        # were it would refuse everything.
        super().__init__(timeout=1, allowed_protocols=frozenset(), allow_redirects=False)
        self.logo = logo_url(logo_name) if logo_name else None
        self.logo_name = logo_name

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_SCHEME):
            path = url.removeprefix(STATIC_SCHEME)
            if path in REPORT_STATIC_FILES:
                return self._response(url, static_bytes(path))
        elif self.logo is not None and url == self.logo:
            with default_storage.open(self.logo_name, "rb") as file:
                data = file.read(MAX_LOGO_BYTES + 1)
            if len(data) <= MAX_LOGO_BYTES:
                return self._response(url, data)
        logger.warning("A report asked for %.200r; refused.", url)
        raise RefusedURL(f"Reports may not fetch {url[:200]}")

    @staticmethod
    def _response(url: str, data: bytes) -> URLFetcherResponse:
        suffix = url[url.rfind(".") :].lower()
        content_type = _CONTENT_TYPES.get(suffix, "application/octet-stream")
        return URLFetcherResponse(url, data, {"Content-Type": content_type})
