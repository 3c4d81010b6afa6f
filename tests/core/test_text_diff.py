"""Words added and removed between two versions, for the reviewer."""

from core.text_diff import ADDED, REMOVED, SAME, Segment, has_changes, word_diff


def test_a_changed_word_reads_removed_then_added_and_the_rest_is_kept():
    assert word_diff("Payroll go-live in May.", "Payroll go-live in June.") == [
        Segment(SAME, "Payroll go-live in "),
        Segment(REMOVED, "May"),
        Segment(ADDED, "June"),
        Segment(SAME, "."),
    ]


def test_line_breaks_are_kept_and_windows_line_endings_are_not_a_change():
    segments = word_diff("- Bury scoped\r\n- Trafford", "- Bury scoped\n- Trafford started")
    assert segments[0] == Segment(SAME, "- Bury scoped\n- Trafford")
    assert segments[-1] == Segment(ADDED, " started")


def test_the_same_words_are_no_change_and_nothing_before_is_all_added():
    assert not has_changes(word_diff("Same.", "Same."))
    assert word_diff("", "New text") == [Segment(ADDED, "New text")]


def test_words_replaced_with_a_space_between_read_as_one_phrase_replaced():
    assert word_diff("Workshops booked for April.", "Workshops held in April.") == [
        Segment(SAME, "Workshops "),
        Segment(REMOVED, "booked for"),
        Segment(ADDED, "held in"),
        Segment(SAME, " April."),
    ]
