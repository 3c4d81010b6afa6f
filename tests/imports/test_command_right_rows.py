"""manage.py import_tracker --import-right-rows: the command imports the rows that are right and
lists the others, recorded on the import as the browser records them (``ImportRecord.left_out``)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from imports.left_out import left_out_workbook
from milestones.models import Milestone
from programmes.models import ImportRecord
from tests.imports.conftest import AGMA
from tests.imports.test_rows_left_out import MIXED

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("import_tracker", *args, stdout=out)
    return out.getvalue()


def test_the_command_imports_the_rows_that_are_right_and_records_the_others(tmp_path, agma):
    path = tmp_path / "mixed.xlsx"
    path.write_bytes(MIXED)
    before = Milestone.objects.count()
    with pytest.raises(CommandError, match="1 problem to put right"):
        run(str(path), "--programme", AGMA)  # all or nothing stays the default
    assert Milestone.objects.count() == before

    dry = run(str(path), "--programme", AGMA, "--import-right-rows", "--dry-run")
    assert "1 row with a problem or an unknown name will be left out; the other 2 are" in dry
    assert Milestone.objects.count() == before

    done = run(str(path), "--programme", AGMA, "--import-right-rows", "--user", "manager")
    assert (
        "Imported mixed.xlsx: 2 added, 0 updated, 0 unchanged; 1 row left out, listed on the "
        "import history to download, put right and import again." in done
    )
    assert '  Left out: "Tracker" row 3: ' in done and "Bananas" in done
    assert Milestone.objects.count() == before + 2
    assert not Milestone.objects.filter(title="Bad status").exists()
    record = ImportRecord.objects.get(programme=agma)
    assert record.imported_by.username == "manager"
    assert [(row["sheet"], row["row"]) for row in record.left_out] == [("Tracker", 3)]
    assert record.left_out[0]["values"][:2] == ["VPMM", "Bad status"]
    with left_out_workbook(record) as download:  # the same download as the browser's
        assert download.read(2) == b"PK"
