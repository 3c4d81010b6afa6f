"""Spreadsheets made in the tests, the programmes they go into, and a snapshot of the database to
show that a refused file changed nothing."""

import html
import io
import re
import struct
import zipfile

import pytest
from django.core.files.storage import default_storage
from openpyxl import Workbook, load_workbook
from openpyxl.packaging.custom import StringProperty

from exports import workbook as export
from imports import guessing, importing, uploads
from imports.reading import read_book
from milestones.models import DateChange, Milestone
from programmes.models import (
    Action,
    ImportRecord,
    Person,
    Programme,
    ProgrammeAccess,
    Risk,
    SavingsLine,
    ServiceArea,
    StageDefinition,
)

AGMA = "agma-collaborative-services"
WIGAN = "wigan-support-services-review"

SEED_000_HEADINGS = [
    "Service Area",
    "Stage of the Delivery plan",
    "Start Dates",
    "Completion Dates",
    "Comment/Current Activity",
]


def workbook(sheets: dict, *, hidden=(), merges=None, ours=None) -> bytes:
    """An .xlsx file: ``sheets`` maps each sheet's name to its rows; marked as the export of
    the programme ``ours``, if given."""
    book = Workbook()
    if ours is not None:
        book.custom_doc_props.append(
            StringProperty(name=export.EXPORT_MARK, value=export.export_mark(ours))
        )
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
        for ref in (merges or {}).get(name, ()):
            sheet.merge_cells(ref)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def patched(data: bytes, member: str, old: bytes, new: bytes) -> bytes:
    """A copy of a zip (an .xlsx) with ``old`` replaced by ``new`` in one member."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == member:
                assert old in content, f"{old!r} is not in {member}"
                content = content.replace(old, new)
            target.writestr(info, content)
    return buffer.getvalue()


def compound_file(*streams: str) -> bytes:
    """A minimal, well-formed Compound File (the Office 97–2003 container, which also wraps a
    password-protected .xlsx) holding empty streams with these names."""
    free, end, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108
    fat = struct.pack("<II", fat_sector, end) + struct.pack("<I", free) * 126

    def entry(name: str, kind: int, child=no_stream, right=no_stream) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", no_stream, right, child)
            + bytes(16 + 4 + 16)
            + struct.pack("<IQ", end, 0)
        )

    entries = [entry("Root Entry", 5, child=1 if streams else no_stream)]
    for position, name in enumerate(streams, start=1):
        right = position + 1 if position < len(streams) else no_stream
        entries.append(entry(name, 2, right=right))
    directory = b"".join(entries).ljust(512, b"\0")
    return header + fat + directory


def read_back(data: bytes, *, data_only=False):
    return load_workbook(io.BytesIO(data), data_only=data_only)


def prepare(data: bytes, programme, name="tracker.xlsx", *, kind=None):
    book = read_book(data, name)
    return book, guessing.guess_book(book, programme, kind=kind)


def preview(data: bytes, programme, name="tracker.xlsx", resolutions=None, **kwargs):
    book, mappings = prepare(data, programme, name, **kwargs)
    return importing.preview(
        programme=programme, book=book, mappings=mappings, resolutions=resolutions
    )


def commit(
    data: bytes,
    programme,
    name="tracker.xlsx",
    resolutions=None,
    by=None,
    translations=None,
    partial=False,
    **kwargs,
):
    book, mappings = prepare(data, programme, name, **kwargs)
    return importing.commit(
        programme=programme,
        book=book,
        mappings=mappings,
        resolutions=resolutions,
        translations=translations,
        partial=partial,
        by=by,
    )


def fuzzy(value) -> tuple:
    return (value.text, value.earliest, value.latest, value.precision)


def snapshot() -> tuple:
    """Everything an import could change, in a form that shows any change."""
    return (
        list(Milestone.objects.order_by("pk").values_list("pk", "version")),
        DateChange.objects.count(),
        list(Risk.objects.order_by("pk").values_list("pk", "version")),
        list(SavingsLine.objects.order_by("pk").values_list("pk", "version")),
        list(Action.objects.order_by("pk").values_list("pk", "version")),
        ServiceArea.objects.count(),
        StageDefinition.objects.count(),
        Person.objects.count(),
        ImportRecord.objects.count(),
    )


def stored_uploads() -> list[str]:
    try:
        return default_storage.listdir(uploads.FOLDER)[1]
    except FileNotFoundError:
        return []


@pytest.fixture
def agma(db):
    return Programme.objects.get(slug=AGMA)


@pytest.fixture
def wigan(db):
    return Programme.objects.get(slug=WIGAN)


@pytest.fixture
def fresh_programme(db, django_user_model):
    """A new programme laid out like AGMA's (four of its service areas, its stages), empty of
    milestones, that the demo manager manages."""
    programme = Programme.objects.create(
        name="Greater Collaboration Programme",
        slug="greater-collaboration",
        service_area_label="Service Area",
        stage_label="Stage of the Delivery plan",
    )
    for order, name in enumerate(
        ["Customer Contact", "VPMM", "Transactional Finance", "Transactional HR"]
    ):
        ServiceArea.objects.create(programme=programme, name=name, order=order)
    for order, code in enumerate(["Scope defined", "Stage 0", "Stage 1", "Stage 2a", "Stage 2b"]):
        StageDefinition.objects.create(programme=programme, code=code, name=code, order=order)
    ProgrammeAccess.objects.create(
        programme=programme,
        user=django_user_model.objects.get(username="manager"),
        role=ProgrammeAccess.Role.MANAGER,
    )
    return programme


def seed_000_rows(*, extra_column: tuple[str, str] | None = None) -> list[list]:
    """A council's tracker laid out like seed 000's table: a title above the headings, one table
    per group of areas (the headings repeated), the area named once with its champion, and
    completion dates that carry their slippage in words. ``extra_column`` adds a column: its
    heading and the value of every row."""
    headings = SEED_000_HEADINGS + ([extra_column[0]] if extra_column else [])

    def row(*cells):
        return [*cells, extra_column[1]] if extra_column else list(cells)

    return [
        ["Milestones Report March 2010"],
        [],
        headings,
        row(
            "Customer Contact Service Area Champion: John Tanner Assistant Director of Customer "
            "Services Salford",
            "Stage 1",
            "January '09",
            "March '09",
            "Delivery Options Paper identified 20 individual & collaborative improvement "
            "opportunities.",
        ),
        row(
            None,
            "Stage 2a Design of Collaborative Improvement & Joint Working",
            "July '09",
            "Jan '10",
            "Draft business cases for two Collaborative Opportunities.",
        ),
        row(
            None,
            "Stage 2b Delivery of Collaborative Improvement & Joint Working",
            "Feb '10",
            None,
            "Awaiting progress report.",
        ),
        [],
        headings,
        row(
            "VPMM Service Area Champion Martin Vickers, Director of Change, Salford",
            "Stage 1",
            "June '09",
            "31 August '09 – moved from 31st July'09",
            "Proposal agreed by CSG – Dec 2009",
        ),
        row(None, "Stage 2a – Design", "January 2010", "February 2010", "8 authorities."),
        row(
            "Transactional Finance Service Area Champion: Andrew Baldwin, Head of Financial "
            "Management, Bury",
            "Scope defined",
            "April '09",
            "May '09",
            "4 Services covered - Cashiers/Accounts Payable",
        ),
        row(None, "Stage 0 - pilot", "June '09", "July '09", "Stage 0 stalled."),
        row(
            None,
            "Stage 1",
            "October '09",
            "January '10 Deadline extended to May '10",
            "Prioritisation workshops undertaken.",
        ),
        row("Transactional HR", "Scope defined", "June '09", "July '09", "Systems thinking."),
        row(
            "Service Area Champion: Phil Badley Director - Organisation Development Stockport",
            "Stage 0-1",
            "September '09",
            "December '09 Extended to March 2010 Extended to June 2010",
            "Position statement agreed at CSG.",
        ),
        row(
            "Social Transport Service Area Champions: Frances Topping, Wigan",
            "Stage1",
            "January '09",
            "March '09",
            "Delivery Options Paper.",
        ),
        [],
        ["Key to Stages Stage 0 – Preparation (agree scope, governance and collect initial data)"],
    ]


def page_text(response) -> str:
    """A page's words as a reader sees them: tags gone, entities decoded, spaces collapsed."""
    words = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(words))


@pytest.fixture(autouse=True)
def no_uploads_left_over():
    """The test storage lives as long as the test process: start each test with no uploads."""
    for name in stored_uploads():
        default_storage.delete(f"{uploads.FOLDER}/{name}")
