"""Our workbook's sheets by key, one a kind of record, and which of them a list page exports and
an import reads. Each sheet's columns are declared in a module here, built with the machinery of
``exports.columns`` (``Column``, ``Sheet``, the column makers)."""

from exports.sheets.actions import ACTIONS
from exports.sheets.budget import BUDGET
from exports.sheets.meetings import MEETINGS
from exports.sheets.milestones import DATE_CHANGES, MILESTONES
from exports.sheets.risks import RISKS
from exports.sheets.savings import REALLOCATIONS, SAVINGS, SAVINGS_YEARS

SHEETS = {
    sheet.key: sheet
    for sheet in (
        MILESTONES,
        RISKS,
        SAVINGS,
        SAVINGS_YEARS,
        REALLOCATIONS,
        BUDGET,
        ACTIONS,
        MEETINGS,
        DATE_CHANGES,
    )
}
# What a list page exports: its own rows, and the sheets that go with them.
LISTS = ("milestones", "risks", "savings", "budget", "actions", "meetings")
IMPORTABLE = ("milestones", "risks", "savings", "actions")
ABOUT_TITLE = "About these columns"
