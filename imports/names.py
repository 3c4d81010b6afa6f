"""Service areas, stages and people, found by what a spreadsheet's rows call them.

A row names its service area as a council writes it ("Customer Contact Service Area Champion:
John Tanner…"), its stage by its code and perhaps more words ("Stage 2a Design of…", "Stage1"),
and its owner by name. A name found exactly is used; any other is an ``UnknownName`` for the
user to match to one the programme knows (suggestions first), to create, or (stages and people)
to leave blank, and the rows that use it wait until they do. Nothing is ever created unasked.
"""

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from imports import values
from imports.values import words
from programmes.models import Person, ServiceArea, StageDefinition

AREA, STAGE, PERSON = "area", "stage", "person"
NAME_WORDS = {AREA: "service area", STAGE: "stage", PERSON: "person"}
# What the user chose for an unknown name: create it, leave it blank, or one that exists.
NEW, BLANK, MATCH = "new", "blank", "match:"
NEW_CALLED = "new:"  # a new record with the name the user typed: "new:Corporate"
SUGGESTIONS = 3


def name_key(what: str, name: str) -> str:
    return f"{what}:{words(name)}"


@dataclass
class UnknownName:
    """A name in the file that the programme does not know, for the user to resolve."""

    what: str
    name: str
    places: list[str] = field(default_factory=list)
    suggestions: list[tuple[int, str]] = field(default_factory=list)
    can_create: bool = True
    can_leave_blank: bool = False

    @property
    def key(self) -> str:
        return name_key(self.what, self.name)

    @property
    def described(self) -> str:
        if not self.name:
            return f"Rows that name no {NAME_WORDS[self.what]}"
        return f'{NAME_WORDS[self.what].capitalize()} "{self.name}"'


# Words that introduce the people named in a service-area cell: "Customer Contact Service Area
# Champion: John Tanner…". The area's name is what comes before them.
_ROLE_WORDS_RE = re.compile(
    r"\b(?:service\s+area\s+champions?|champions?\s*:|lead\s+ce\b|lead\s+chief\s+executive"
    r"|project\s+manager|lead\s+officer)",
    re.IGNORECASE,
)
_NUMBERING_RE = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")
_STAGE_DIGIT_RE = re.compile(r"\b(stage|phase)\s*(?=\d)", re.IGNORECASE)


def area_words(cell) -> str:
    """The service area a cell names, without the people named after it."""
    written = values.text(cell)
    cut = _ROLE_WORDS_RE.search(written)
    if cut:
        written = written[: cut.start()]
    return written.strip(" \n\t-–—:,;")


@dataclass(frozen=True)
class NewName:
    """A name the user chose to create: it exists once the import is committed."""

    what: str
    name: str
    # The name the rows use, when the user gave the new record another ("" for rows that name
    # no service area, put in a new one the user named).
    written: str | None = None

    @property
    def key(self) -> str:
        return name_key(self.what, self.name if self.written is None else self.written)

    def __str__(self):
        return f"{self.name} (new)"


class Names:
    """Service areas, stages and people the programme knows, found by what rows call them."""

    def __init__(self, programme, resolutions: dict):
        self.programme = programme
        self.resolutions = resolutions
        self.unknown: dict[str, UnknownName] = {}
        self.new: dict[str, NewName] = {}
        self.areas = list(programme.service_areas.order_by("order", "id"))
        self.area_by_pk = {area.pk: area for area in self.areas}
        self.area_keys: dict[str, ServiceArea] = {}
        for area in self.areas:
            self.area_keys.setdefault(words(area.name), area)
            if area.number:
                self.area_keys.setdefault(words(f"{area.number} {area.name}"), area)
        self.stages = list(programme.stages.order_by("order", "id"))
        self.stage_by_pk = {stage.pk: stage for stage in self.stages}
        self.stage_keys: dict[str, StageDefinition] = {}
        for stage in self.stages:
            self.stage_keys.setdefault(words(_stage_text(stage.code)), stage)
        for stage in self.stages:
            if stage.name:
                self.stage_keys.setdefault(words(_stage_text(stage.name)), stage)
        # Built once, not per row; longest code first, so "Stage 2a" is tried before "Stage 2".
        self.stage_prefixes = [
            (_stage_prefix(stage.code), stage)
            for stage in sorted(self.stages, key=lambda s: -len(s.code))
        ]
        # Only the programme's people: a row cannot make another programme's officer an owner.
        people = Person.objects.of_programme(programme).select_related("organisation")
        self.people = list(people.order_by("name", "id"))
        self.person_by_pk = {person.pk: person for person in self.people}
        self.person_keys: dict[str, list[Person]] = defaultdict(list)
        for person in self.people:
            self.person_keys[words(person.name)].append(person)

    # Each finder returns (what the row gets, the unknown name's key or None).

    def area(self, written: str, place: str):
        if not written:
            return self._unknown(AREA, "", place, create=False)
        key = words(written)
        found = self.area_keys.get(key) or self.area_keys.get(words(_NUMBERING_RE.sub("", written)))
        if found is None and "\n" in written:
            found = self.area_keys.get(words(written.splitlines()[0]))
        if found is not None:
            return found, None
        return self._unknown(AREA, written, place)

    def stage(self, written: str, place: str):
        said = _stage_text(written)
        found = self.stage_keys.get(words(said))
        if found is None:
            found = next(
                (stage for prefix, stage in self.stage_prefixes if prefix.match(said)), None
            )
        if found is not None:
            return found, None
        return self._unknown(STAGE, written, place, create=len(written) <= 40, blank=True)

    def person(self, written: str, place: str):
        key = words(written)
        matches = self.person_keys.get(key, [])
        if len(matches) == 1:
            return matches[0], None
        return self._unknown(PERSON, written, place, blank=True, candidates=matches)

    def _unknown(self, what, written, place, *, create=True, blank=False, candidates=()):
        key = name_key(what, written)
        choice = self.resolutions.get(key, "")
        if choice.startswith(MATCH):
            found = self._by_pk(what, choice[len(MATCH) :])
            if found is not None:
                return found, None
        elif choice == NEW and create:
            return self.new.setdefault(key, NewName(what, written.strip())), None
        elif choice.startswith(NEW_CALLED) and choice[len(NEW_CALLED) :].strip():
            called = choice[len(NEW_CALLED) :].strip()[:200]
            return self.new.setdefault(key, NewName(what, called, written.strip())), None
        elif choice == BLANK and blank:
            return None, None
        unknown = self.unknown.get(key)
        if unknown is None:
            unknown = self.unknown[key] = UnknownName(
                what,
                written.strip(),
                suggestions=self._suggestions(what, written, candidates),
                can_create=create and bool(written.strip()),
                can_leave_blank=blank,
            )
        unknown.places.append(place)
        return None, key

    def _by_pk(self, what, pk: str):
        if not pk.isdigit():
            return None
        pk = int(pk)
        if what == AREA:
            return (
                self.area_by_pk.get(pk)
                or ServiceArea.objects.filter(programme=self.programme, pk=pk).first()
            )
        if what == STAGE:
            return (
                self.stage_by_pk.get(pk)
                or StageDefinition.objects.filter(programme=self.programme, pk=pk).first()
            )
        return (
            self.person_by_pk.get(pk)
            or Person.objects.of_programme(self.programme).filter(pk=pk).first()
        )

    def choices(self, what: str) -> list[tuple[int, str]]:
        """What an unknown name of this kind can be matched to."""
        if what == AREA:
            return [(area.pk, str(area)) for area in self.areas]
        if what == STAGE:
            return [(stage.pk, str(stage)) for stage in self.stages]
        return [(person.pk, person.description) for person in self.people]

    def _suggestions(self, what, written, candidates) -> list[tuple[int, str]]:
        if candidates:
            return [(person.pk, person.description) for person in candidates][:SUGGESTIONS]
        options = self.choices(what)
        by_words = {words(label): (pk, label) for pk, label in options}
        said = words(written)
        close = difflib.get_close_matches(said, list(by_words), n=SUGGESTIONS, cutoff=0.6)
        starts = [key for key in by_words if key and said.startswith(key + " ")]
        ordered = list(dict.fromkeys([*starts, *close]))[:SUGGESTIONS]
        return [by_words[key] for key in ordered]


def _stage_prefix(code: str) -> re.Pattern:
    """A stage's code at the start of a cell, then words about it ("Stage 2a Design of…",
    "Stage 0 - pilot"); but not "Stage 0-1", which spans two stages."""
    return re.compile(rf"{re.escape(_stage_text(code))}(?:\s*$|\s*:|\s+[-–—]?)", re.IGNORECASE)


def _stage_text(text: str) -> str:
    """ "Stage1" as "Stage 1", so the two are the same stage."""
    return _STAGE_DIGIT_RE.sub(lambda m: f"{m.group(1)} ", values.text(text)).strip()
