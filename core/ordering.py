"""Moving one thing up or down a list that people put in order (a programme's stages, its
service areas): the new order of the list, for the caller to save."""

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

UP, DOWN = "up", "down"


def moved(items: Sequence[T], item: T, direction: str) -> list[T]:
    """``items`` with ``item`` moved one place ``direction`` (``UP`` or ``DOWN``); the first
    cannot go up nor the last down, so the list comes back as it was."""
    if direction not in (UP, DOWN):
        raise ValueError(f"Move {UP!r} or {DOWN!r}, not {direction!r}.")
    order = list(items)
    here = order.index(item)
    there = here - 1 if direction == UP else here + 1
    if 0 <= there < len(order):
        order[here], order[there] = order[there], order[here]
    return order
