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

    def same_reference_scope(self, record, wanted: Wanted) -> bool:
        # A council's reference for a saving covers its years: one line a year.
        year = wanted.fields.get("financial_year")
        return year is None or record.financial_year == year

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        year = cells.read("financial_year", values.financial_year)
        if year not in (None, FAILED):
            wanted.fields["financial_year"], note = year
            if note:
                cells.plan.notes.append(f"Column {cells.column('financial_year')}: {note}")
        elif year is None and cells.mapping.year and not cells.mapped("financial_year"):
            wanted.fields["financial_year"] = cells.mapping.year
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
        kept = []  # words written in amount cells, kept in the note
        for name in ("target", "forecast", "achieved"):
            found = cells.amount(name, negatives=True)
            if found in (None, FAILED):
                continue
            amount, said = found
            if said:
                kept.append(f"{cells.column(name)}: {said}")
            wanted.fields[name] = amount
        if cells.mapped("note") or kept:
            wanted.fields["note"] = "\n".join(filter(None, [cells.text("note"), *kept]))
        year = wanted.fields.get("financial_year")
        kind = dict(SavingsLine.Kind.choices)[wanted.fields.get("kind") or "cashable"]
        label = fuzzydates.financial_year_label(year) if year else "No year"
        reference = wanted.fields.get("reference")
        wanted.label = (
            f"{reference} {label} {kind.lower()}" if reference else f"{label} {kind.lower()}"
        )
