"""How fast Excel export and import run: 10,000 milestones (``--rows``) written in openpyxl's
write-only mode, read back in read-only mode, previewed, and imported into an empty programme
through the service functions, against a throwaway SQLite database. Prints rows per second, and
the import against bare ``bulk_create`` of the same rows in the same run.

    .venv/bin/python scripts/benchmark_spreadsheets.py [--rows 10000] [--import-only]

The figures are recorded in docs/performance.md ("Excel import and export").
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000, help="milestones (default 10,000)")
    parser.add_argument(
        "--import-only", action="store_true", help="time the import only (not the export's steps)"
    )
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder.name) / 'benchmark.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    try:
        run(args.rows, import_only=args.import_only)
    finally:
        folder.cleanup()


def run(rows: int, *, import_only: bool = False) -> None:
    from django.db import transaction

    from core import fuzzydates
    from exports import workbook as export
    from imports import guessing, importing
    from imports.plans import UNCHANGED
    from imports.reading import read_book
    from milestones.models import DateChange, Milestone
    from programmes.models import Programme, ServiceArea, StageDefinition

    programme = Programme.objects.create(name="Benchmark Programme", slug="benchmark")
    areas = ServiceArea.objects.bulk_create(
        ServiceArea(programme=programme, name=f"Service area {n}", order=n) for n in range(20)
    )
    stages = StageDefinition.objects.bulk_create(
        StageDefinition(programme=programme, code=f"Stage {n}", order=n) for n in range(5)
    )
    months = ["January", "March", "June", "September", "December"]
    written = [
        Milestone(
            service_area=areas[n % len(areas)],
            stage=stages[n % len(stages)],
            title=f"Milestone {n}",
            order=n,
            planned_start=fuzzydates.parse(f"{months[n % 5]} '09"),
            planned_completion=fuzzydates.parse(f"end {months[(n + 2) % 5]} 2010"),
            status=Milestone.Status.IN_PROGRESS,
            rag=("red", "amber", "green")[n % 3],
            comment=f"Progress on milestone {n}:\n\n- data collected\n- workshop held",
        )
        for n in range(rows)
    ]
    Milestone.objects.bulk_create(written, batch_size=1000)
    DateChange.objects.bulk_create(
        (
            DateChange(
                milestone=milestone,
                field="planned_completion",
                old=fuzzydates.parse("March 2010"),
                new=milestone.planned_completion,
                direction=DateChange.Direction.LATER,
                reason="Extended",
            )
            for milestone in Milestone.objects.filter(service_area__programme=programme)[::10]
        ),
        batch_size=1000,
    )
    print(f"{rows:,} milestones, {rows // 10:,} date changes, SQLite, one process")

    started = time.perf_counter()
    workbook = export.write_list(programme, "milestones", export.milestone_rows(programme))
    data = workbook.read()
    if not import_only:
        report("Export (write-only mode)", rows, started, f"{len(data) / 1024 / 1024:.1f} MB")
        export_seconds = time.perf_counter() - started
        started = time.perf_counter()
        bare = bare_openpyxl(programme)
        report("Bare openpyxl write-only, the same rows' values", rows, started)
        bare_seconds = time.perf_counter() - started
        print(f"Export / bare openpyxl: {export_seconds / bare_seconds:.2f}x ({len(bare):,} bytes)")

    started = time.perf_counter()
    book = read_book(data, "benchmark.xlsx")
    if not import_only:
        report("Read (read-only mode)", rows, started)

    started = time.perf_counter()
    mappings = guessing.guess_book(book, programme)
    if not import_only:
        plan = importing.preview(programme=programme, book=book, mappings=mappings)
        assert plan.counts[UNCHANGED] == rows, plan.counts
        report("Preview of the same file (every row unchanged)", rows, started)

    mine = Milestone.objects.filter(service_area__programme=programme)
    mine.delete()
    started = time.perf_counter()
    record = importing.commit(programme=programme, book=book, mappings=mappings)
    assert record.created == rows, record.created
    report("Import into the emptied programme (services, one transaction)", rows, started)
    import_seconds = time.perf_counter() - started

    # The yardstick: the same rows, as the import left them, inserted by bare bulk_create.
    same = [Milestone(**{**values, "id": None}) for values in mine.values()]
    DateChange.objects.filter(milestone__in=mine).delete()
    mine.delete()
    started = time.perf_counter()
    with transaction.atomic():
        Milestone.objects.bulk_create(same, batch_size=1000)
    report("Bare bulk_create of the same rows (no history, no checks)", rows, started)
    bare_seconds = time.perf_counter() - started
    print(f"Import / bare bulk_create: {import_seconds / bare_seconds:.1f}x")


def bare_openpyxl(programme) -> bytes:
    """The yardstick: the same sheets' rows (milestones and their date changes, read the same
    way, one value per column) appended as plain values to openpyxl's write-only workbook, with
    no styles, no formula guard and no column guide."""
    import io

    from openpyxl import Workbook

    from exports import workbook as export
    from exports.sheets import SHEETS

    book = Workbook(write_only=True)
    milestones = export.milestone_rows(programme)
    for key, records in (
        ("milestones", milestones),
        ("date_changes", export.date_change_rows(milestones)),
    ):
        sheet = SHEETS[key]
        ws = book.create_sheet(sheet.title)
        ws.append([column.heading(programme) for column in sheet.columns])
        for record in records.iterator(chunk_size=export.CHUNK):
            ws.append([column.value(record, programme) for column in sheet.columns])
    target = io.BytesIO()
    book.save(target)
    return target.getvalue()


def report(step: str, rows: int, started: float, extra: str = "") -> None:
    seconds = time.perf_counter() - started
    line = f"{step:<64} {seconds:8.2f} s {rows / seconds:10,.0f} rows/s"
    print(f"{line}  {extra}".rstrip(), flush=True)


if __name__ == "__main__":
    main()
