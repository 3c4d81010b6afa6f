"""Risks from a risk log: likelihood and impact on the programme's scale, with the words written
beside them ("Throughout the process so therefore will be High") and the level itself as
written ("Moderate"), a RAG status, a review date,
and whether the risk is open."""

from imports import values
from imports.cells import FAILED, RowCells
from imports.kinds.base import KindImport, Wanted
from programmes.models import Risk


class RiskImport(KindImport):
    key = "risks"
    model = Risk

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        programme = self.run.programme
        if cells.mapped("title"):
            wanted.fields["title"] = wanted.label = cells.text("title")
            if not wanted.label:
                cells.problem("title", "The row names no risk: say what the risk is.")
        for name in ("description", "lead_officer", "moderating_factors"):
            if cells.mapped(name):
                wanted.fields[name] = cells.text(name)
        for name in ("likelihood", "impact"):
            scale = cells.mapping.scales.get(cells.cells.get(name))
            found = cells.read(name, self.run.translator.level, cells, name, scale)
            if found not in (None, FAILED):
                wanted.fields[name], said = found
                if said and not cells.mapped(f"{name}_note"):
                    wanted.fields[f"{name}_note"] = said
                if not cells.mapped(f"{name}_as_written"):
                    written = rating_as_written(cells.text(name), said)
                    label = programme.risk_level_label(wanted.fields[name])
                    wanted.fields[f"{name}_as_written"] = "" if written == label else written
            if cells.mapped(f"{name}_as_written"):
                wanted.fields[f"{name}_as_written"] = cells.text(f"{name}_as_written")
            if cells.mapped(f"{name}_note"):
                wanted.fields[f"{name}_note"] = cells.text(f"{name}_note")
        rag = cells.read("rag", self.run.translator.rag, cells)
        if rag not in (None, FAILED):
            wanted.fields["rag"] = rag
        if cells.mapped("review_date"):
            review = cells.read(
                "review_date",
                values.calendar_date,
                quarters=programme.quarters,
                epoch=self.run.book.epoch,
            )
            if review is not FAILED:
                wanted.fields["review_date"] = review
        is_open = cells.read("is_open", values.open_or_closed)
        if is_open not in (None, FAILED):
            wanted.fields["is_open"] = is_open


def rating_as_written(written: str, beside: str) -> str:
    """The level as the cell wrote it, without the words beside it: "Moderate" of "Ongoing
    Moderate"; nothing for a bare number, or when the words beside keep the whole cell. (Kept
    only where it differs from the level's name on the programme's scale.)"""
    written = written.strip()
    if beside:
        if beside == written or not written.startswith(beside):
            return ""
        written = written[len(beside) :].strip(" ,;:-–")
    return written if any(c.isalpha() for c in written) else ""
