"""Forms that work on several of an area's milestones at once: adding a batch pasted from Word
or Excel, one per line, and the grid of their dates and statuses."""

from dataclasses import dataclass, field

from django import forms

from core import fuzzydates
from core.date_forms import KEEP_AS_WORDS, FuzzyDateModelForm, describe_reading
from core.edit_forms import VersionedEditForm
from core.fuzzydates import FuzzyDate
from programmes.forms.people import offer_programme_people

from .area_writes import RowEdit
from .forms import MilestoneDatesMixin, offer_statuses
from .models import Milestone
from .stage_groups import StageGroup, by_stage

MAX_LINES = 200
# The columns of a pasted line, by how many it has: a title alone, a title and its planned
# completion, or a title with its planned start and completion (a Word table's three columns).
COLUMNS = {
    1: (),
    2: ("planned_completion",),
    3: ("planned_start", "planned_completion"),
}


@dataclass
class PastedLine:
    """One line of the pasted text: its number in the box, what it says, and how it was read."""

    number: int
    text: str
    title: str = ""
    dates: dict[str, FuzzyDate] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def readings(self) -> dict[str, str]:
        """How each of its dates was read, by name, in words the user can check."""
        return {name: describe_reading(value) for name, value in self.dates.items()}


def split_line(text: str) -> list[str]:
    """A line's columns: separated by tabs (a row copied from a table in Word or Excel), else
    by "|"; empty columns at the end (a table's blank cells) are dropped."""
    columns = [part.strip() for part in text.split("\t" if "\t" in text else "|")]
    while len(columns) > 1 and not columns[-1]:
        columns.pop()
    return columns


def read_lines(text: str, *, quarters: str, keep_as_words: bool) -> list[PastedLine]:
    """Each line that is not blank, read into a title and dates, with what is wrong with it."""
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        line = PastedLine(number, raw.strip())
        columns = split_line(raw)
        if len(columns) not in COLUMNS:
            line.problems.append(
                f"It has {len(columns)} columns: give the title, then the planned completion "
                "(or the planned start and then the planned completion)."
            )
            lines.append(line)
            continue
        line.title = columns[0]
        if not line.title:
            line.problems.append("It has no title.")
        for name, words in zip(COLUMNS[len(columns)], columns[1:], strict=True):
            value = fuzzydates.parse(words, quarters=quarters)
            line.dates[name] = value
            if value.problem and not keep_as_words:
                line.problems.append(
                    f"{value.problem} Correct the date, or tick “{KEEP_AS_WORDS}” to save these "
                    "words with no date."
                )
        lines.append(line)
    return lines


class AddSeveralForm(forms.Form):
    """Several milestones for one area at once, pasted one per line. The stage and owner given
    apply to them all; each line is checked, and they are added all together or not at all."""

    lines = forms.CharField(
        label="Milestones, one per line",
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "true"}),
        help_text="Paste the rows of a table from Word or Excel, or type one milestone per "
        "line: its title, then a tab or “|” and its planned completion "
        "(“Report to JIB | 26 July 2010”). With three columns, the second is the planned "
        "start. Dates as you would write them: “end March 2010”, “Q1 2010”, “TBC”.",
    )
    stage = forms.ModelChoiceField(
        label="Stage", queryset=None, required=False, empty_label="No stage"
    )
    owner = forms.ModelChoiceField(
        label="Owner", queryset=None, required=False, empty_label="Nobody yet"
    )
    keep_as_words = forms.BooleanField(
        label=KEEP_AS_WORDS,
        required=False,
        help_text="Tick to save dates that cannot be read (such as “31/02/2010”) as the words "
        "you typed, with no date.",
    )

    def __init__(self, *args, area, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        self.pasted: list[PastedLine] = []
        programme = area.programme
        self.fields["stage"].queryset = programme.stages.all()
        self.fields["stage"].help_text = "The stage of them all (change one later on its page)."
        offer_programme_people(self.fields["owner"], programme)
        self.fields["owner"].help_text = "Who owns them all, if one person does."

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("lines") or ""
        self.pasted = read_lines(
            text, quarters=self.area.programme.quarters, keep_as_words=cleaned["keep_as_words"]
        )
        if "lines" not in cleaned:
            return cleaned
        if not self.pasted:
            self.add_error("lines", "Write at least one milestone.")
        elif len(self.pasted) > MAX_LINES:
            self.add_error(
                "lines", f"Add at most {MAX_LINES} at a time: there are {len(self.pasted)}."
            )
        elif refused := [line for line in self.pasted if line.problems]:
            self.refuse(refused)
        return cleaned

    def refuse(self, refused: list[PastedLine]) -> None:
        numbers = ", ".join(str(line.number) for line in refused)
        plural = "s" if len(refused) != 1 else ""
        self.add_error(
            "lines",
            f"Nothing has been added: line{plural} {numbers} need{'' if plural else 's'} "
            "correcting (see the table below).",
        )

    def rows(self) -> list[dict]:
        """The milestones to add, for ``area_writes.milestones_add_several``."""
        shared = {
            name: self.cleaned_data[name]
            for name in ("stage", "owner")
            if self.cleaned_data[name] is not None
        }
        return [{"title": line.title, **line.dates, **shared} for line in self.pasted]

    def refused_by_service(self, problems: dict[int, list[str]]) -> None:
        """Show the rules the service refused (a title too long, dates out of order…) against
        their lines."""
        for index, messages in problems.items():
            self.pasted[index].problems.extend(messages)
        self.refuse([self.pasted[index] for index in sorted(problems)])


class GridRowForm(VersionedEditForm, MilestoneDatesMixin, FuzzyDateModelForm):
    """One milestone's row in the grid: its dates and status, and why its dates moved (needed
    when a planned or forecast date moves, as on the milestone's own edit page). A cancelled
    milestone's row cannot be changed here."""

    fuzzy_dates = Milestone.DATE_NAMES

    reason = forms.CharField(label="Why the dates moved", required=False, max_length=2000)

    class Meta:
        model = Milestone
        fields = (*(f"{name}_text" for name in Milestone.DATE_NAMES), "status")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_statuses(self.fields["status"], self.instance)
        for name in Milestone.DATE_NAMES:
            self.fields[f"{name}_text"].label = name.replace("_", " ").capitalize()
        for name, form_field in self.fields.items():
            form_field.help_text = ""  # the page explains the columns once, above the grid
            css = {
                "status": "form-select form-select-sm",
                "keep_as_words": "form-check-input",
            }.get(name, "form-control form-control-sm")
            form_field.widget.attrs["class"] = css
            if self.instance.status == Milestone.Status.CANCELLED:
                form_field.disabled = True

    def full_clean(self):
        """Mark the refused fields for assistive technology and the eye."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"

    def quarters(self) -> str:
        return self.instance.service_area.programme.quarters

    def clean(self):
        cleaned = super().clean()
        self.require_reason(cleaned)
        self.check_completion(cleaned)
        return cleaned

    @property
    def date_fields(self):
        return [self[f"{name}_text"] for name in Milestone.DATE_NAMES]

    @property
    def shows_keep_as_words(self) -> bool:
        """The "Keep as words" box is shown on a row whose dates were refused (or kept)."""
        return any(self[name].errors for name in self.fuzzy_date_fields()) or bool(
            self.is_bound and self.data.get(self.add_prefix("keep_as_words"))
        )

    def fuzzy_date_fields(self) -> list[str]:
        return [f"{name}_text" for name in self.fuzzy_dates]


class DatesGrid:
    """The grid: a row form per milestone of the area, by stage as on the area's page, each
    prefixed with the milestone's id so that a row posted back always meets its own milestone,
    whatever was added or reordered in between. Milestones added since the page was opened, and
    rows ``data`` leaves out, come back unbound: nothing to save, shown as they are now."""

    def __init__(self, milestones, stages, data=None):
        self.groups = [
            StageGroup(
                group.stage,
                [
                    GridRowForm(
                        data if data is not None and f"m{m.pk}-version" in data else None,
                        instance=m,
                        prefix=f"m{m.pk}",
                    )
                    for m in group.milestones
                ],
            )
            for group in by_stage(milestones, stages)
        ]
        self.rows = [row for group in self.groups for row in group.milestones]

    def is_valid(self) -> bool:
        # Every row is checked, not only up to the first refused, so all are shown at once.
        checked = [row.is_valid() for row in self.rows if row.is_bound]
        return all(checked)

    def edits(self, fresh: dict[int, Milestone]) -> list[tuple[GridRowForm, RowEdit]]:
        """The rows that change something, each with its edit for the service. ``fresh``: the
        milestones read again by id (a form's own instance already holds what was typed, so the
        service could not tell what moved)."""
        edits = []
        for row in self.rows:
            if row.is_bound and (changes := row.changes()):
                edit = RowEdit(
                    milestone=fresh[row.instance.pk],
                    opened_version=row.cleaned_data["version"],
                    changes=changes,
                    reason=row.cleaned_data["reason"],
                )
                edits.append((row, edit))
        return edits

    @property
    def errors(self) -> list[tuple[GridRowForm, object, str]]:
        """Every problem, for the summary at the top: the row, the field (None for the row as a
        whole) and the words."""
        found = []
        for row in self.rows:
            if not row.is_bound:
                continue
            found += [(row, None, message) for message in row.non_field_errors()]
            for name in row.fields:
                found += [(row, row[name], message) for message in row[name].errors]
        return found
