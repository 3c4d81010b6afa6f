"""Pounds the way council reports write them: "£50,000", "£3,995.50", "£180k", "£1.316m"."""

from decimal import ROUND_HALF_UP, Decimal


def pounds(value: Decimal | int | None) -> str:
    """Exact pounds with thousands separators; pence only when there are some."""
    if value is None:
        return ""
    value = Decimal(value)
    sign = "−" if value < 0 else ""
    value = abs(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return f"{sign}£{value:,.0f}"
    return f"{sign}£{value:,.2f}"


def pounds_short(value: Decimal | int | None) -> str:
    """Headline figures: "£1.316m" from a million up, "£180k" from £10,000 up, else exact."""
    if value is None:
        return ""
    value = Decimal(value)
    sign = "−" if value < 0 else ""
    size = abs(value)
    if size >= 1_000_000:
        figure = _trimmed(size / 1_000_000, places=3)
        return f"{sign}£{figure}m"
    if size >= 10_000:
        figure = _trimmed(size / 1_000, places=1)
        return f"{sign}£{figure}k"
    return pounds(value)


def _trimmed(value: Decimal, *, places: int) -> str:
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
