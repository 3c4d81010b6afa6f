"""Actions: follow-on actions and equality impact actions, with an owner, a status, and start and
due dates as written."""

from imports import values
from imports.cells import FAILED, RowCells, optional_choice
from imports.kinds.base import KindImport, Wanted
from imports.layout import dated_items_note
from programmes.models import Action


class ActionImport(KindImport):
    key = "actions"
    model = Action
    date_names = ("start", "due")
    date_order = (("start", "due", "It is due before it starts."),)

    def read(self, cells: RowCells, wanted: Wanted) -> None:
        if cells.mapped("title"):
            wanted.fields["title"] = cells.text("title")
            wanted.label = wanted.fields["title"][:80]
            if not wanted.label:
                cells.problem("title", "The row names no action: say what is to be done.")
        for name in ("owner", "importance", "measure", "target", "note"):
            if cells.mapped(name):
                wanted.fields[name] = cells.text(name)
        if cells.mapped("note") and (
            note := dated_items_note(cells.column("note"), wanted.fields["note"], "action")
        ):
            cells.plan.notes.append(note)
        kind = cells.read(
            "kind",
            optional_choice,
            Action.Kind.choices,
            what="kind of action",
            synonyms={"follow on": "follow_on", "equality": "equality_impact"},
        )
        if kind not in (None, FAILED):
            wanted.fields["kind"] = kind or Action.Kind.FOLLOW_ON
        status = cells.read("status", self.run.translator.action_status, cells)
        if status not in (None, FAILED):
            wanted.fields["status"] = status or Action.Status.OPEN
        if cells.mapped("resources_approved"):
            approved = cells.read(
                "resources_approved", values.yes_no, what="resources were approved"
            )
            if approved is not FAILED:
                wanted.fields["resources_approved"] = approved
