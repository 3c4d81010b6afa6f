"""manage.py import_tracker: the web import's preview and commit from the command line, refusing
while there are problems or unknown names until --map says what they are."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from milestones.models import Milestone
from programmes.models import ImportRecord
from tests.imports.conftest import seed_000_rows, snapshot, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def tracker(tmp_path):
    path = tmp_path / "agma-tracker.xlsx"
    path.write_bytes(
        workbook(
            {
                "Sheet1": seed_000_rows(extra_column=("Lead Officer", "CSG")),
                "Notes": [["Written by the programme office"]],
            }
        )
    )
    return path


def run(*args, **options) -> str:
    out = io.StringIO()
    call_command("import_tracker", *args, stdout=out, **options)
    return out.getvalue()


def test_the_preview_is_printed_and_unknown_names_stop_the_import_with_a_hint(
    tracker, fresh_programme
):
    out = io.StringIO()
    before = snapshot()
    with pytest.raises(CommandError) as refused:
        call_command("import_tracker", str(tracker), programme=fresh_programme.slug, stdout=out)
    printed = out.getvalue()
    assert 'Sheet "Sheet1": milestones, headings in row 3.' in printed
    assert "  D (Completion Dates) → Planned completion" in printed
    assert '"Sheet1" row 13: Add Stage 1' in printed
    assert 'Service area "Social Transport" is not known ("Sheet1" row 16).' in printed
    assert 'Person "CSG" is not known' in printed
    assert str(refused.value).splitlines() == [
        "Nothing was imported: 3 names to match to one the programme knows or to create. Say "
        "what each unknown name is with --map, for example:",
        '  --map "person:CSG=(new)" or "person:CSG=(blank)" or "person:CSG=NAME" (one the '
        "programme has)",
        '  --map "stage:Stage 0-1=Stage 0" or "stage:Stage 0-1=(new)" or "stage:Stage 0-1=(blank)"',
        '  --map "area:Social Transport=(new)" or "area:Social Transport=NAME" (one the programme '
        "has)",
    ]
    assert snapshot() == before


def test_map_says_what_columns_and_names_are_and_the_import_runs(
    tracker, fresh_programme, django_user_model
):
    maps = [
        "Lead Officer=ignore",
        "area:Social Transport=(new)",
        "stage:Stage 0-1=Stage 0",
    ]
    dry = run(str(tracker), programme=fresh_programme.slug, map=maps, dry_run=True, sheet="Sheet1")
    assert "  F (Lead Officer) → Leave out" in dry
    assert "11 to add, 0 to update, 0 unchanged, 0 problems, 0 unknown names." in dry
    assert dry.endswith("Dry run: nothing was saved.\n")
    assert not Milestone.objects.filter(service_area__programme=fresh_programme).exists()

    done = run(str(tracker), programme=fresh_programme.slug, map=maps, user="manager")
    assert "Imported agma-tracker.xlsx: 11 added, 0 updated, 0 unchanged." in done
    hr = Milestone.objects.get(service_area__programme=fresh_programme, title="Stage 0-1")
    assert hr.stage.code == "Stage 0"
    assert hr.date_changes.first().changed_by.username == "manager"
    record = ImportRecord.objects.get(programme=fresh_programme)
    assert record.imported_by.username == "manager"

    again = run(str(tracker), programme=fresh_programme.slug, map=maps[:1] + maps[2:], verbosity=2)
    assert "0 added, 0 updated, 11 unchanged" in again
    assert '"Sheet1" row 4: Unchanged Stage 1' in again


@pytest.mark.parametrize(
    "options, message",
    [
        ({"programme": "nowhere"}, "There is no programme called 'nowhere'."),
        ({"sheet": "Plan"}, 'There is no sheet called "Plan"; the sheets are "Sheet1", "Notes".'),
        ({"map": ["Start Dates=likelihood"]}, '"likelihood" is not something a column of'),
        ({"map": ["Budget=comment"]}, 'No column is headed "Budget".'),
        ({"map": ["area:Social Transport=Nowhere"]}, 'has no service area called "Nowhere"'),
        ({"map": ["no equals sign"]}, 'should be "HEADING=FIELD"'),
        ({"user": "nobody"}, "There is no user called 'nobody'."),
    ],
)
def test_mistakes_in_the_command_are_explained(tracker, fresh_programme, options, message):
    options.setdefault("programme", fresh_programme.slug)
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(str(tracker), **options)


def test_kind_says_what_every_sheet_holds(tmp_path, wigan):
    path = tmp_path / "log.csv"
    path.write_text("Title,Owner,Status\r\nPublish the plan,Chief Executive,Open\r\n")
    out = run(str(path), programme=wigan.slug, kind="actions")
    assert 'Sheet "log": actions, headings in row 1.' in out
    assert "1 added" in out
