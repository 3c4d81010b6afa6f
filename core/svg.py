"""The pieces every drawing on the server is made of: the opening of an SVG with its title and
description, a line of text, the house colours and a tidy axis step.

A drawing is plain SVG text: no scripts, no stylesheets, no fonts or images fetched from
anywhere, so WeasyPrint draws it exactly as a browser does. Every drawing has a ``<title>`` and a
``<desc>`` (``opening``) and prints its figures as words beside the shapes; the pages that show a
drawing also show the same figures in a table, so a chart is never the only place a number
appears.
"""

from decimal import Decimal
from html import escape

FONT = "Helvetica, Arial, sans-serif"
INK = "#0b0c0c"
GRID = "#b1b4b6"


def nice_step(value: Decimal) -> Decimal:
    """A tidy step for an axis: the smallest 1, 2, 2.5 or 5 times a power of ten >= value."""
    if value <= 0:
        return Decimal(1)
    power = Decimal(10) ** (len(str(int(value))) - 1) if value >= 1 else Decimal(1)
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover


def opening(width: int, height: int, title: str, desc: str, ident: str) -> list[str]:
    """The start of a drawing: the ``<svg>`` element, its title and its description (what a
    screen reader says, and the figures in words), as a list to append the shapes to."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}" '
        f'style="max-width:100%;height:auto">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]


def text(x, y, words, *, size=11, anchor="start", weight="normal", fill=INK, extra="") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}"{extra}>{escape(str(words))}</text>'
    )
