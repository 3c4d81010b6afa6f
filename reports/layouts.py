"""A programme's structure of a kind of report: read (its own, else the preset of the kind's
seed) and saved through the versioned write path, so every change is kept with who made it."""

from core.records import record_create, record_edit

from .models import ReportLayout
from .structure import Part, parts_from_json, preset, with_defaults


def layout_record(programme, kind: str) -> ReportLayout | None:
    return ReportLayout.objects.filter(programme=programme, kind=kind).first()


def layout_parts(programme, kind: str) -> list[Part]:
    """The parts a programme's report of ``kind`` prints, in order."""
    record = layout_record(programme, kind)
    if record is None or not record.parts:
        return preset(kind)
    return with_defaults(parts_from_json(record.parts), kind)


def layout_save(
    *, programme, kind: str, parts: list[Part], opened_version: int | None, by
) -> ReportLayout:
    """Keep ``parts`` as the programme's structure of ``kind`` (a new record the first time;
    afterwards an edit refused if someone saved since ``opened_version``)."""
    rows = [part.as_json() for part in parts]
    record = layout_record(programme, kind)
    if record is None:
        return record_create(record=ReportLayout(programme=programme, kind=kind, parts=rows), by=by)
    return record_edit(
        record=record,
        opened_version=opened_version or record.version,
        changes={"parts": rows},
        by=by,
    )


def layout_reset(*, programme, kind: str, opened_version: int | None, by) -> ReportLayout | None:
    """Back to the seed's format (the preset), kept as an edit so the history shows it."""
    record = layout_record(programme, kind)
    if record is None:
        return None
    return record_edit(
        record=record, opened_version=opened_version or record.version, changes={"parts": []}, by=by
    )
