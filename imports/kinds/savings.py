"""Savings lines: one per service area, financial year ("2009/10"), kind (cashable or not) and
recurrence, with target, forecast and achieved amounts in pounds as people write them."""

from core import fuzzydates
from imports import values
from imports.cells import FAILED, RowCells, optional_choice
from imports.kinds.base import KindImport, Wanted
from imports.names import NewName
from programmes.models import SavingsLine


class SavingsImport(KindImport):
    key = "savings"
    model = SavingsLine

    def record_key(self, record) -> tuple:
        return (record.service_area_id, record.financial_year, record.kind, record.recurrence)

    def wanted_key(self, wanted: Wanted) -> tuple | None:
        if wanted.area_waiting or isinstance(wanted.area, NewName):
            return None
        return (
            wanted.area.pk if wanted.area else None,
            wanted.fields.get("financial_year"),
            wanted.fields.get("kind", SavingsLine.Kind.CASHABLE),
            wanted.fields.get("recurrence", SavingsLine.Recurrence.RECURRING),
        )

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        year = cells.read("financial_year", values.financial_year)
        if year not in (None, FAILED):
            wanted.fields["financial_year"], note = year
            if note:
                cells.plan.notes.append(f"Column {cells.column('financial_year')}: {note}")
        kind = cells.read("kind", optional_choice, SavingsLine.Kind.choices, what="kind of saving")
        if kind not in (None, FAILED):
            wanted.fields["kind"] = kind or SavingsLine.Kind.CASHABLE
        recurrence = cells.read(
            "recurrence",
            optional_choice,
            SavingsLine.Recurrence.choices,
            what="choice of recurring or one-off",
            synonyms={"once": "one_off", "ongoing": "recurring", "permanent": "recurring"},
        )
        if recurrence not in (None, FAILED):
            wanted.fields["recurrence"] = recurrence or SavingsLine.Recurrence.RECURRING
        for name in ("target", "forecast", "achieved"):
            found = cells.read(name, values.money)
            if found in (None, FAILED):
                continue
            amount, said = found
            if said and amount is None:
                cells.problem(name, f'"{said}" is not an amount of pounds.')
                continue
            if said:
                cells.plan.notes.append(
                    f'Column {cells.column(name)}: the words "{said}" beside the amount are '
                    "not kept."
                )
            wanted.fields[name] = amount
        if cells.mapped("note"):
            wanted.fields["note"] = cells.text("note")
        year = wanted.fields.get("financial_year")
        kind = dict(SavingsLine.Kind.choices)[wanted.fields.get("kind") or "cashable"]
        label = fuzzydates.financial_year_label(year) if year else "No year"
        wanted.label = f"{label} {kind.lower()}"
