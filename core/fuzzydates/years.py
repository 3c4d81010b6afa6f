"""Years as the reports write them: financial years (April to March, "2009/10"), two-digit
years, and the window of four-digit years read as years at all."""

from datetime import date


def financial_year_of(d: date) -> int:
    """The start year of the April-March financial year holding ``d``."""
    return d.year if d.month >= 4 else d.year - 1


def financial_year_label(start_year: int) -> str:
    """2009 -> "2009/10", 1999 -> "1999/00"."""
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def in_year_window(year: int) -> bool:
    """Four-digit years we read as years: "1500 hours" is not a date."""
    return 1900 <= year <= 2099


def two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def financial_year_start(first: str, second: str) -> int | None:
    """The start year if ``first``/``second`` are consecutive years ("2009"/"10", "08"/"09")."""
    if len(first) == 4 and in_year_window(int(first)):
        start = int(first)
    elif len(first) == 2 and len(second) == 2:
        start = two_digit_year(int(first))
    else:
        return None
    if len(second) == 4:
        return start if int(second) == start + 1 else None
    if len(second) <= 2:
        return start if int(second) == (start + 1) % 10 ** len(second) else None
    return None
