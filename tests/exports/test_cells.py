"""Excel's cell limit, known once (``exports.cells``) by the workbook that writes a cell and by
the import that reads it back."""

import pytest

from exports import workbook as export
from exports.cells import EXCEL_CELL_LIMIT
from imports import guessing, importing
from imports.reading import read_book
from milestones.models import Milestone
from milestones.services import milestone_create
from tests.imports.conftest import read_back

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.imports.urls")]


def test_a_comment_longer_than_a_cell_is_cut_on_export_and_not_taken_for_an_edit(agma):
    long_comment = "The board asked for more detail. " * 1_500  # about 49,500 characters
    area = agma.service_areas.get(name="IT")
    milestone_create(service_area=area, title="Long comment", comment=long_comment)
    data = export.write_list(agma, "milestones", export.milestone_rows(agma)).read()

    sheet = read_back(data)["Milestones"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if "Long comment" in r)
    written = row[header.index("Comment / current activity")]
    assert len(written) == EXCEL_CELL_LIMIT == 32_767
    assert long_comment.startswith(written)

    book = read_book(data, "milestones.xlsx")
    mappings = guessing.guess_book(book, agma)
    plan = importing.preview(programme=agma, book=book, mappings=mappings)
    assert {row.action for row in plan.rows} == {importing.UNCHANGED}
    importing.commit(programme=agma, book=book, mappings=mappings)
    assert Milestone.objects.get(title="Long comment").comment == long_comment  # kept whole
