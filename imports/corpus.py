"""The corpus of real published trackers (``fixtures/trackers/``), imported as a first-time user
would: each into a new programme with the default settings, with the guessed mapping and the
default translations, every unknown name created (rows that name no service area put in one
named after the sheet), and no hand mapping. Each file's expected records
(``fixtures/trackers/expected.json``) are then compared field by field with what was saved.

Used by ``scripts/import_corpus.py`` (which prints the figures) and by the corpus test. Every
import runs in a transaction that is rolled back, so nothing is kept.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from imports import guessing, importing
from imports.books import SpreadsheetError
from imports.names import AREA, NEW, NEW_CALLED
from imports.reading import read_book
from milestones.models import Milestone
from programmes.models import Action, Programme, Risk, SavingsLine

FOLDER = Path(__file__).resolve().parent.parent / "fixtures" / "trackers"
MODELS = {"milestones": Milestone, "risks": Risk, "savings": SavingsLine, "actions": Action}


@dataclass
class Result:
    file_name: str
    expected: int
    created: int = 0
    fields_checked: int = 0
    fields_right: int = 0
    wrong: list[str] = field(default_factory=list)
    refused: str = ""

    @property
    def right_first_time(self) -> bool:
        return (
            not self.refused
            and self.created == self.expected
            and self.fields_right == self.fields_checked
        )


def run_corpus(folder: Path = FOLDER) -> list[Result]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return [run_file(folder / name, wanted) for name, wanted in expected.items()]


def run_file(path: Path, wanted: dict) -> Result:
    result = Result(path.name, len(wanted["records"]))
    with transaction.atomic():
        programme = Programme.objects.create(name=f"Corpus: {path.stem}", slug="corpus-trial")
        try:
            _import(path, programme, result)
            if not result.refused:
                _compare(programme, wanted, result)
        finally:
            transaction.set_rollback(True)
    return result


def _import(path: Path, programme, result: Result) -> None:
    try:
        book = read_book(path.read_bytes(), path.name)
    except SpreadsheetError as error:
        result.refused = str(error)
        return
    mappings = guessing.guess_book(book, programme)
    plan = importing.preview(programme=programme, book=book, mappings=mappings)
    resolutions = {}
    for unknown in plan.unknown:
        if unknown.what == AREA and not unknown.name:
            resolutions[unknown.key] = f"{NEW_CALLED}{book.sheets[0].name}"
        else:
            resolutions[unknown.key] = NEW
    try:
        importing.commit(programme=programme, book=book, mappings=mappings, resolutions=resolutions)
    except importing.ImportRefused as refused:
        result.refused = str(refused)
        result.wrong = [str(problem) for problem in refused.plan.all_problems[:5]]


def _compare(programme, wanted: dict, result: Result) -> None:
    model = MODELS[wanted["kind"]]
    if model is Milestone:
        records = list(Milestone.objects.for_programme(programme).select_related("service_area"))
    else:
        records = list(model.objects.filter(programme=programme).select_related("service_area"))
    result.created = len(records)
    key = wanted["key"]
    by_key = {_value(record, key): record for record in records}
    for expected in wanted["records"]:
        record = by_key.get(str(expected[key]))
        for name, value in expected.items():
            result.fields_checked += 1
            found = _value(record, name) if record is not None else None
            if found == str(value):
                result.fields_right += 1
            else:
                result.wrong.append(f"{expected[key]}: {name} is {found!r}, not {value!r}")


def _value(record, name: str) -> str:
    if name == "service_area":
        return record.service_area.name if record.service_area_id else ""
    value = getattr(record, name)
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return "" if value is None else str(value)
