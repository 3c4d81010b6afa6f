"""Bringing a spreadsheet's rows into a programme: first a preview, then the commit.

``preview()`` reads every row of every mapped sheet and says what importing it would do: add a
record, update one (and which fields, from what to what), leave one unchanged, or nothing because
of an error, each error with its sheet, row, column and a plain-English message. It writes
nothing. Names the programme does not know (service areas, stages, people) are listed for the
user to match to one it knows, to create, or (stages and people) to leave blank: an import never
creates them unasked.

``commit()`` creates the names the user chose to create, previews again inside one transaction
and applies every row through the services' batch functions, which keep the rules of the ones
the web forms use (``milestone_create``, ``milestone_edit``, ``record_create``,
``record_edit``) for a thousand rows at a time (``applying``), then records the import
(``ImportRecord``). Any error, or a record someone changed meanwhile, and nothing is saved.

A row finds its record by the ID our exports write, within this programme only; failing that
(a council's own tracker, or our export brought into another programme) by what it says: the same
title in the same service area. Rows with IDs claim their records first, so importing the same
file twice never adds anything twice. Rows never delete records.

Dates are read as people write them (``core.fuzzydates``). A completion cell that records
its moves ("January '10 Deadline extended to May '10") gives the first date and each move, made
with the reason "imported from FILE (Deadline extended to)"; a "Date changes" sheet from our own
export restores the recorded history of the milestones an import adds.

This module is the way in. The work is done by ``run`` (every row of every sheet, planned), the
importer of each kind of record (``kinds``), ``cells`` and ``dates`` (one row's cells read),
``history`` (a "Date changes" sheet) and ``plans`` (what the preview shows and the commit applies).
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core.records import record_create
from core.versioning import StaleEdit
from imports import applying
from imports.books import Book
from imports.mapping import SheetMapping
from imports.names import AREA, MATCH, NEW, NEW_CALLED, PERSON, STAGE
from imports.plans import CREATE, UNCHANGED, UPDATE, Plan
from imports.run import Run
from imports.translations import remember
from programmes.models import ImportRecord, Person, ServiceArea, StageDefinition


class ImportRefused(Exception):
    """The commit found errors or unresolved names; nothing was saved. ``plan`` says which."""

    def __init__(self, plan: Plan, message: str = ""):
        self.plan = plan
        super().__init__(message or plan.refusal())


def preview(
    *, programme, book: Book, mappings: list[SheetMapping], resolutions=None, translations=None
) -> Plan:
    """What importing ``book`` with these mappings would do. Writes nothing. ``translations``
    are the user's readings of the file's words ("status:on target" → "in_progress")."""
    return Run(programme, book, mappings, resolutions or {}, translations=translations).plan()


def commit(
    *,
    programme,
    book: Book,
    mappings,
    resolutions=None,
    translations=None,
    partial=False,
    by=None,
    progress=None,
) -> ImportRecord:
    """Import everything in one transaction, or nothing (``ImportRefused`` says why). The
    translations the import used are remembered for the programme's next import. The rows are
    written a batch at a time (``applying``); ``progress(done, total)`` is told after each.

    With ``partial`` ("import the rows that are right and list the others"), rows with a
    problem or waiting for a name are left out, and recorded on the import, to download, put
    right and import again; a problem with the file or a sheet still stops everything."""
    resolutions = dict(resolutions or {})
    try:
        with transaction.atomic():
            resolved = _create_new_names(programme, book, mappings, resolutions, by)
            plan = Run(programme, book, mappings, resolved, by=by, translations=translations).plan()
            left_out = plan.rows_left_out if partial else []
            leaving = {id(row) for row in left_out}
            if not (plan.can_commit or (partial and plan.can_commit_right_rows)):
                raise ImportRefused(plan)
            applying.apply(
                [
                    row.operation
                    for row in plan.rows
                    if row.operation is not None and id(row) not in leaving
                ],
                by=by,
                progress=progress,
            )
            remember(programme, plan.translated, by=by)
            counts = Counter(row.action for row in plan.rows if id(row) not in leaving)
            return ImportRecord.objects.create(
                programme=programme,
                kind=plan.record_kind,
                file_name=book.file_name,
                sha256=book.sha256,
                imported_by=by,
                created=counts[CREATE],
                updated=counts[UPDATE],
                unchanged=counts[UNCHANGED],
                left_out=[_left_out(row, mappings) for row in left_out],
            )
    except (StaleEdit, ValidationError) as error:
        # The preview checks what the services check, so this is a record someone saved while
        # the import ran, or a rule the preview could not foresee.
        if isinstance(error, StaleEdit):
            why = f"{error.current} was changed by someone else while the import was running"
        else:
            why = " ".join(error.messages)
        plan = preview(
            programme=programme,
            book=book,
            mappings=mappings,
            resolutions=resolutions,
            translations=translations,
        )
        raise ImportRefused(plan, f"Nothing was imported: {why}. Preview it again.") from error


def _left_out(row, mappings) -> dict:
    """A row left out, as the import record keeps it: where it was, what it said, and why."""
    mapping = next((m for m in mappings if m.sheet == row.sheet), None)
    headings = [mapping.headings.get(i, "") for i in range(len(row.cells))] if mapping else []
    why = [problem.message for problem in row.problems]
    if row.needs:
        why.append("A name in it is not matched to one the programme knows, nor created.")
    return {
        "sheet": row.sheet,
        "row": row.row,
        "headings": headings,
        "values": list(row.cells),
        "problems": why,
    }


def _create_new_names(programme, book, mappings, resolutions, by) -> dict:
    """Create the service areas, stages and people the user chose to create; the resolutions,
    with those choices pointing at the new records."""
    if not any(v == NEW or v.startswith(NEW_CALLED) for v in resolutions.values()):
        return resolutions
    plan = Run(programme, book, mappings, resolutions).plan()
    resolved = dict(resolutions)
    area_order = (programme.service_areas.aggregate(Max("order"))["order__max"] or 0) + 1
    stage_order = (programme.stages.aggregate(Max("order"))["order__max"] or 0) + 1
    for new in plan.new_names:
        if new.what == AREA:
            record = ServiceArea(programme=programme, name=new.name, order=area_order)
            area_order += 1
        elif new.what == STAGE:
            record = StageDefinition(
                programme=programme, code=new.name, name=new.name, order=stage_order
            )
            stage_order += 1
        else:
            record = Person(name=new.name)
        made = record_create(record=record, by=by)
        if new.what == PERSON:
            # Named by this programme's file: one of its people, so rows can make them an owner.
            programme.other_people.add(made)
        resolved[new.key] = f"{MATCH}{made.pk}"
    return resolved
