"""Reading pages the way their users do."""

import re
from html import unescape


def text_of(response) -> str:
    """The page as a reader sees it: the HTML with tags and runs of spaces removed."""
    words = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", unescape(words))


def row_of(response, words: str) -> str:
    """The text of the first table row that contains ``words``."""
    for row in re.findall(r"<tr[^>]*>.*?</tr>", response.content.decode(), flags=re.S):
        text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", row)))
        if words in text:
            return text
    raise AssertionError(f"No row contains {words!r}")


def rows_of(response, table_id: str | None = None) -> list[str]:
    """The text of each body row of the page's tables (or of the table with ``table_id``)."""
    html = response.content.decode()
    if table_id:
        html = re.search(rf'<table[^>]*id="{table_id}".*?</table>', html, flags=re.S).group(0)
    bodies = "".join(re.findall(r"<tbody[^>]*>.*?</tbody>", html, flags=re.S))
    return [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", row))).strip()
        for row in re.findall(r"<tr[^>]*>.*?</tr>", bodies, flags=re.S)
    ]


def assert_bounded_queries(client, url, add_rows, max_queries, assert_max_queries):
    """The page at ``url`` runs at most ``max_queries`` queries with a small dataset, and the
    same number with ten times as many rows: ``add_rows(n)`` adds n rows of each kind shown."""
    add_rows(5)
    with assert_max_queries(max_queries) as small:
        assert client.get(url).status_code == 200
    add_rows(45)
    with assert_max_queries(max_queries) as large:
        assert client.get(url).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
    return len(small.captured_queries)


def row_starting(response, words: str) -> str:
    """The text of the first body row whose first words are ``words``."""
    for row in rows_of(response):
        if row == words or row.startswith(words + " "):
            return row
    raise AssertionError(f"No row starts with {words!r}")
