"""Moving one thing up or down a list people put in order."""

import pytest

from core.ordering import DOWN, UP, moved


def test_moving_up_swaps_with_the_one_before():
    assert moved(["a", "b", "c"], "c", UP) == ["a", "c", "b"]


def test_moving_down_swaps_with_the_one_after():
    assert moved(["a", "b", "c"], "a", DOWN) == ["b", "a", "c"]


def test_the_first_cannot_go_up_nor_the_last_down():
    assert moved(["a", "b"], "a", UP) == ["a", "b"]
    assert moved(["a", "b"], "b", DOWN) == ["a", "b"]


def test_only_up_or_down():
    with pytest.raises(ValueError, match="Move 'up' or 'down'"):
        moved(["a"], "a", "sideways")
