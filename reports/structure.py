"""A report's structure as data: which parts it prints, in what order, under which number and
heading, and where a table or list goes inside the council's own text ("These include:" and
then the table). The five seeds' formats are the presets (one per report kind); a programme
may keep its own (``ReportLayout``), edited in the browser.

A part is either one of the kind's blocks (the cover sheet, the key achievements, Appendix A's
key milestones, …), the cover sheet's written sections (``sections``: every one not placed
elsewhere, in their order), or one written section named by its number or heading
(``section:3.2``). A part with ``after`` goes straight after the written section with that
number (or heading) and, with ``after_text``, straight after its paragraph ending with those
words; when no such section is printed it stays where the list puts it, so nothing is lost.
"""

import re
from dataclasses import asdict, dataclass, replace

SECTIONS = "sections"
SECTION_PREFIX = "section:"


@dataclass(frozen=True)
class Part:
    key: str
    title: str = ""  # the heading printed above the part (Appendix A's)
    number: str = ""  # printed before the title
    shown: bool = True
    after: str = ""  # a written section's number or heading
    after_text: str = ""  # … and the end of its paragraph the part follows
    show_heading: bool = True  # a written section's own heading
    when_empty: str = ""  # a sentence the manager wrote, printed when the part has nothing

    @property
    def heading(self) -> str:
        return " ".join(filter(None, [self.number, self.title]))

    @property
    def block(self) -> str:
        """The block's name without its variant: "lessons" of "lessons:review"."""
        return self.key.split(":", 1)[0]

    @property
    def variant(self) -> str:
        return self.key.split(":", 1)[1] if ":" in self.key else ""

    @property
    def section_ref(self) -> str:
        return self.key.removeprefix(SECTION_PREFIX) if self.is_section else ""

    @property
    def is_section(self) -> bool:
        return self.key.startswith(SECTION_PREFIX)

    def as_json(self) -> dict:
        return {name: value for name, value in asdict(self).items() if value != FIELDS[name]}


FIELDS = {name: value.default for name, value in Part.__dataclass_fields__.items()}


def parts_from_json(rows: list[dict]) -> list[Part]:
    return [Part(**{k: v for k, v in row.items() if k in FIELDS}) for row in rows]


# --- The seeds' formats ------------------------------------------------------------------------

# Seed 002, Manchester: the cover sheet, then 1 Keynote to 6.0 as written, the key achievements
# (5.1 to 5.36) under 5.0 and the work programme (6.1 to 6.25) under 6.0. Its own 3.0 Financials
# says the figures in words, so no second Financials table.
COMMITTEE = (
    Part("cover"),
    Part(SECTIONS),
    Part("financials", title="Financials", shown=False),
    Part("achievements", after="5.0"),
    Part("work_programme", after="6.0"),
    Part("background_papers", title="Background papers"),
)

# Seed 004, Wigan: the cover sheet and background papers, the report and its Project Closure
# document 1 to 5, each table or list where the text announces it, then Appendices A to E.
CLOSURE = (
    Part("cover"),
    Part("background_papers"),
    Part(SECTIONS),
    Part("follow_on", after="3.2", after_text="These include:"),
    Part("savings", title="Savings by financial year", shown=False),
    Part("reallocations", after="4.2"),
    Part("lessons:review", after="5", after_text="Lessons learnt:"),
    Part("lessons:implementation", after="5", after_text="ongoing work on support services:"),
    Part("lessons:general", after="5", after_text="projects outside support services:"),
    Part("milestones", title="Appendix A – Key milestones"),
    Part("objectives", title="Appendix B – Review Objectives"),
    Part("plan", title="Appendix C – Updated Implementation Plan"),
    Part("risks", title="Appendix D – Updated Risk Log"),
    Part(f"{SECTION_PREFIX}Equality impact assessment — action plan sign-off", show_heading=False),
    Part(
        "equality",
        after="Equality impact assessment — action plan sign-off",
        after_text="how this will be measured.",
    ),
)

# Seed 000, AGMA: a table per service area, with its champion, then the Key to Stages (a key
# of the report, printed after its body).
MILESTONES = (Part("areas"), Part("late_note"))

# Seed 001, Enhanced Two Tier Working: the introduction, the table of numbered work streams
# (progress, milestones, timescale, estimated costs), governance, then Appendix 1's budget.
PROGRAMME = (
    Part("description"),
    Part("work_streams"),
    Part("governance", title="Governance"),
    Part("budget", title="Appendix 1 – budget"),
)

# Seed 003, Herts: the status key, then the month grid by theme; the Key of acronyms follows.
GRID = (Part("status_key"), Part("grid"))

PRESETS: dict[str, tuple[Part, ...]] = {
    "milestones": MILESTONES,
    "programme": PROGRAMME,
    "grid": GRID,
    "committee": COMMITTEE,
    "closure": CLOSURE,
}

# What each block of a kind is, for the editing page.
BLOCKS: dict[str, dict[str, str]] = {
    "milestones": {
        "areas": "A table of milestones for each service area, with its people",
        "late_note": "What “late” means (with the Status column only)",
    },
    "programme": {
        "description": "The programme's introduction",
        "work_streams": "Work streams: progress to date, milestones, timescale, estimated costs",
        "governance": "Governance bodies and their terms of reference",
        "budget": "Budget tables",
    },
    "grid": {
        "status_key": "The status key and the months shown",
        "grid": "The month grid by theme",
    },
    "committee": {
        "cover": "Cover sheet",
        SECTIONS: "The cover sheet's written sections (not placed elsewhere)",
        "financials": "Financials table worked out from the savings records",
        "achievements": "Key achievements: each project's update for the period",
        "work_programme": "Work programme: the items under their numbered headings",
        "background_papers": "Background papers",
    },
    "closure": {
        "cover": "Cover sheet",
        "background_papers": "Background papers",
        SECTIONS: "The cover sheet's written sections (not placed elsewhere)",
        "follow_on": "Follow-on actions by work stream",
        "savings": "Savings by financial year (worked out from the savings records)",
        "reallocations": "Re-allocation of savings",
        "lessons:review": "Lessons learnt in the review",
        "lessons:implementation": "Lessons learnt in the implementation",
        "lessons:general": "General lessons",
        "milestones": "Key milestones",
        "objectives": "Objectives and achievements",
        "plan": "Implementation plan",
        "risks": "Risk log",
        "equality": "Equality impact assessment action plan",
    },
}


def preset(kind: str) -> list[Part]:
    return list(PRESETS.get(kind, ()))


# --- Placing the parts --------------------------------------------------------------------------


@dataclass
class Placed:
    """One thing the report prints, in order: a block of the kind (``part``), or a written
    section (``section``) or the rest of one after a part placed inside it (``body`` is the
    text to print; ``continued`` when its heading was printed already)."""

    part: Part
    section: object = None
    body: str = ""
    continued: bool = False
    wide: bool = False  # a written section printed on landscape pages (``landscape_runs``)

    @property
    def is_section(self) -> bool:
        return self.section is not None


def _matches(section, ref: str) -> bool:
    ref = ref.strip().lower()
    return bool(ref) and ref in {
        (getattr(section, "number", "") or "").strip().lower(),
        (getattr(section, "heading", "") or "").strip().lower(),
    }


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", (text or "").strip()) if p.strip()]


def _ends_with(paragraph: str, words: str) -> bool:
    return " ".join(paragraph.split()).endswith(" ".join(words.split()))


def _place_section(section, part: Part, inserts: list[Part]) -> list[Placed]:
    """A written section with the parts placed inside it, each after the paragraph it names
    (or at the end)."""
    placed: list[Placed] = []
    pending: list[str] = []
    continued = False
    waiting = [p for p in inserts if p.after_text]
    for paragraph in _paragraphs(section.body):
        pending.append(paragraph)
        here = [p for p in waiting if _ends_with(paragraph, p.after_text)]
        if here:
            placed.append(Placed(part, section, "\n\n".join(pending), continued))
            placed += [Placed(p) for p in here]
            waiting = [p for p in waiting if p not in here]
            pending, continued = [], True
    if pending or not continued:
        placed.append(Placed(part, section, "\n\n".join(pending), continued))
    placed += [Placed(p) for p in inserts if not p.after_text or p in waiting]
    return placed


def arrange(parts: list[Part], sections: list) -> list[Placed]:
    """The order a report prints: ``parts`` (those shown) with the written ``sections`` in
    their places and the parts anchored in a section placed inside it."""
    shown = [p for p in parts if p.shown]
    named = [p for p in shown if p.is_section]
    kept_apart = {id(s) for s in sections for p in named if _matches(s, p.section_ref)}
    printed = (
        [s for s in sections if id(s) not in kept_apart]
        if any(p.key == SECTIONS for p in shown)
        else []
    )
    printed_apart = [s for s in sections if id(s) in kept_apart]

    def anchor(part: Part):
        for section in printed + printed_apart:
            if _matches(section, part.after):
                return section
        return None

    anchored = {id(p): anchor(p) for p in shown if p.after}
    inside: dict[int, list[Part]] = {}
    for p in shown:
        if anchored.get(id(p)) is not None:
            inside.setdefault(id(anchored[id(p)]), []).append(p)

    result: list[Placed] = []
    for p in shown:
        if anchored.get(id(p)) is not None:
            continue  # printed inside its section
        if p.key == SECTIONS:
            for section in printed:
                result += _place_section(section, p, inside.get(id(section), []))
        elif p.is_section:
            for section in printed_apart:
                if _matches(section, p.section_ref):
                    result += _place_section(section, p, inside.get(id(section), []))
        else:
            result.append(Placed(p))
    return result


# The blocks of a kind printed on landscape pages (their templates say so).
WIDE_BLOCKS: dict[str, frozenset[str]] = {"closure": frozenset({"plan", "risks", "equality"})}


def landscape_runs(placed: list[Placed], kind: str) -> list[Placed]:
    """A written section between two landscape blocks is printed landscape too: turning the
    page to portrait for a few lines and back would leave a near-empty page on each side
    (Wigan's equality sign-off between Appendix D and the Appendix E table)."""
    wide = WIDE_BLOCKS.get(kind, frozenset())

    def nearest_block_is_wide(items) -> bool:
        block = next((item for item in items if not item.is_section), None)
        return block is not None and block.part.block in wide

    for index, item in enumerate(placed):
        if item.is_section:
            item.wide = nearest_block_is_wide(reversed(placed[:index])) and (
                nearest_block_is_wide(placed[index + 1 :])
            )
    return placed


def with_defaults(parts: list[Part], kind: str) -> list[Part]:
    """The parts, and any block of the kind they leave out (added, not shown), so a layout
    saved before a block existed still lists it for the manager to place."""
    present = {p.key for p in parts}
    missing = [
        replace(p, shown=False) for p in preset(kind) if p.key not in present and not p.is_section
    ]
    return [*parts, *missing]
