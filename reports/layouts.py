"""A programme's structure of a kind of report: read (its own, else the preset of the kind's
seed) and saved through the versioned write path, so every change is kept with who made it.
Only the programme's managers change it (checked here as well as on the page)."""

from django.core.exceptions import PermissionDenied

from core.records import record_create, record_edit
from core.versioning import stale_edit

from .models import ReportLayout
from .structure import Part, parts_from_json, preset, with_defaults

REFUSED = "Only this programme's managers can change the structure of its reports."


def layout_record(programme, kind: str) -> ReportLayout | None:
    return ReportLayout.objects.filter(programme=programme, kind=kind).first()


def layout_parts(programme, kind: str) -> list[Part]:
    """The parts a programme's report of ``kind`` prints, in order."""
    record = layout_record(programme, kind)
    if record is None or not record.parts:
        return preset(kind)
    return with_defaults(parts_from_json(record.parts), kind)


def _check(programme, rights) -> None:
    if not rights.can_manage_programme(programme):
        raise PermissionDenied(REFUSED)


def layout_save(
    *, programme, kind: str, parts: list[Part], opened_version: int | None, by, rights
) -> ReportLayout:
    """Keep ``parts`` as the programme's structure of ``kind``: a new record the first time
    (``opened_version`` None or 0: the page was opened on the preset); afterwards an edit
    refused with ``StaleEdit`` if someone saved since ``opened_version``."""
    _check(programme, rights)
    rows = [part.as_json() for part in parts]
    record = layout_record(programme, kind)
    if record is None:
        return record_create(record=ReportLayout(programme=programme, kind=kind, parts=rows), by=by)
    if not opened_version:
        # Opened on the preset, and someone has kept a structure since.
        raise stale_edit(ReportLayout, record.pk, 0, ["parts"])
    return record_edit(record=record, opened_version=opened_version, changes={"parts": rows}, by=by)


def layout_reset(
    *, programme, kind: str, opened_version: int | None, by, rights
) -> ReportLayout | None:
    """Back to the seed's format (the preset), kept as an edit so the history shows it."""
    _check(programme, rights)
    record = layout_record(programme, kind)
    if record is None:
        return None
    if not opened_version:
        raise stale_edit(ReportLayout, record.pk, 0, ["parts"])
    return record_edit(record=record, opened_version=opened_version, changes={"parts": []}, by=by)
