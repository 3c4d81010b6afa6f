from decimal import Decimal
from html.parser import HTMLParser

import pytest

from core.markdown import render_markdown
from core.money import pounds, pounds_short


@pytest.mark.parametrize(
    ("amount", "exact", "short"),
    [
        (Decimal("50000"), "£50,000", "£50k"),
        (Decimal("180000"), "£180,000", "£180k"),
        (Decimal("1316000"), "£1,316,000", "£1.316m"),
        (Decimal("1300000"), "£1,300,000", "£1.3m"),
        (Decimal("22500000"), "£22,500,000", "£22.5m"),
        (Decimal("3995.00"), "£3,995", "£3,995"),
        (Decimal("691.91"), "£691.91", "£691.91"),
        (Decimal("28500"), "£28,500", "£28.5k"),
        (Decimal("0"), "£0", "£0"),
        (Decimal("-2297000"), "−£2,297,000", "−£2.297m"),
        (None, "", ""),
    ],
)
def test_pounds_the_way_reports_write_them(amount, exact, short):
    assert pounds(amount) == exact
    assert pounds_short(amount) == short


def test_markdown_keeps_paragraphs_and_nested_bullets():
    html = render_markdown(
        "Project teams established.\n\n- Shared technology\n    - Re-framed\n- Taxi Procurement"
    )
    assert "<p>Project teams established.</p>" in html
    assert html.count("<ul>") == 2
    assert "<li>Shared technology<ul>\n<li>Re-framed</li>\n</ul>\n</li>" in html


@pytest.mark.parametrize(
    "hostile",
    [
        '<img src="http://127.0.0.1:9/x.png">',
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">click</a>',
        "[click](javascript:alert(1))",
        '<p style="background:url(http://127.0.0.1:9/)">x</p>',
    ],
)
def test_markdown_never_lets_user_html_through(hostile):
    """The user's markup is shown as text: only our own tags, none with an attribute."""
    tags = TagCollector()
    tags.feed(render_markdown(hostile))
    assert tags.seen
    assert {name for name, _ in tags.seen} <= {"p", "ul", "li", "strong", "em"}
    assert all(not attrs for _, attrs in tags.seen)


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1250000", "1250000"),
        ("£1,250,000", "1250000"),
        ("£3,995.50", "3995.50"),
        ("£1.25m", "1250000"),
        ("180k", "180000"),
        ("£1.2 million", "1200000"),
        ("£2bn", "2000000000"),
    ],
)
def test_a_typed_and_an_imported_amount_read_the_same(written, amount):
    """The form field and the spreadsheet import share one reader of amounts."""
    from core.form_fields import parse_pounds
    from imports.amounts import money

    assert parse_pounds(written) == Decimal(amount) == money(written)[0]


def test_find_pounds_says_where_the_amount_is_and_whether_it_is_negative():
    from core.money import find_pounds

    found = find_pounds("minimum £20,000 (estimate)")
    assert (found.value, found.negative, found.start, found.end) == (Decimal(20000), False, 8, 15)
    assert find_pounds("£-500").negative and find_pounds("(£500)").negative
    assert find_pounds("tbc") is None


def test_a_line_break_inside_a_bullet_comes_out_as_written():
    html = render_markdown(
        "Key dates:\nstill one paragraph.\n\n"
        "- Consultation closes 17th & 18th Nov\n  Deadline extended to May '10\n"
        "- Second bullet\n\n1. First step\n2. Second step"
    )
    assert "<p>Key dates:\nstill one paragraph.</p>" in html  # paragraphs flow as before
    bullet = "<li>Consultation closes 17th &amp; 18th Nov<br>\n  Deadline extended to May '10</li>"
    assert bullet in html
    assert "<li>Second bullet</li>" in html
    assert "<ol>\n<li>First step</li>\n<li>Second step</li>\n</ol>" in html
