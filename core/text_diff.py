"""What changed between two versions of some words, word by word, for a reviewer to read:
runs of words kept, added and removed. Spaces and line breaks are kept as they were, so the
page can show the text in its own layout."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

SAME, ADDED, REMOVED = "same", "added", "removed"

# Words, runs of spaces, and each mark of punctuation are compared separately.
TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    kind: str  # SAME, ADDED or REMOVED
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn ``old`` into ``new``, in reading order (a replaced run reads
    removed, then added). Neighbouring segments of one kind are joined."""
    before = TOKENS.findall((old or "").replace("\r\n", "\n"))
    after = TOKENS.findall((new or "").replace("\r\n", "\n"))
    segments: list[Segment] = []

    def add(kind: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, segments[-1].text + text)
        else:
            segments.append(Segment(kind, text))

    for kept, removed, added in _runs(before, after):
        add(SAME, kept)
        add(REMOVED, removed)
        add(ADDED, added)
    return segments


def _runs(before: list[str], after: list[str]):
    """(kept, removed, added) runs of tokens. A space alone between two changes joins them, so
    "booked for" → "held in" reads as one phrase replaced, not word by word."""
    matcher = SequenceMatcher(a=before, b=after, autojunk=False)
    runs: list[list] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append([after[b1:b2], [], []])
        elif runs and not runs[-1][0]:
            runs[-1][1] += before[a1:a2]
            runs[-1][2] += after[b1:b2]
        elif runs and "".join(runs[-1][0]).isspace() and len(runs) > 1 and not runs[-2][0]:
            space = runs.pop()[0]
            runs[-1][1] += space + before[a1:a2]
            runs[-1][2] += space + after[b1:b2]
        else:
            runs.append([[], before[a1:a2], after[b1:b2]])
    return runs


def has_changes(segments: list[Segment]) -> bool:
    return any(segment.kind != SAME for segment in segments)
