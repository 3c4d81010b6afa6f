"""The meetings sheet, exported for reading only."""

from exports.columns import (
    DATE,
    LONG_TEXT,
    Column,
    Sheet,
    attribute,
    id_column,
)

MEETINGS = Sheet(
    "meetings",
    "Meetings",
    "meeting",
    "Meetings of the programme's boards and committees. Exported for reading; an import leaves "
    "them alone.",
    (
        id_column("meeting"),
        Column(
            "body",
            "Body",
            "The board, group or committee.",
            lambda record, programme: record.body.name,
            width=30,
        ),
        Column(
            "acronym",
            "Acronym",
            "Its acronym.",
            lambda record, programme: record.body.acronym,
            width=10,
        ),
        Column("date", "Date", "The day of the meeting.", attribute("date"), cell=DATE, width=12),
        Column("title", "Title", "The meeting's title, if it has one.", attribute("title")),
        Column("location", "Location", "Where it meets.", attribute("location")),
        Column(
            "cancelled",
            "Cancelled",
            "Why the meeting was cancelled; blank for a meeting that goes (or went) ahead.",
            lambda record, programme: record.cancelled_reason if record.is_cancelled else "",
            cell=LONG_TEXT,
        ),
        Column(
            "agenda",
            "Agenda",
            "Its agenda, an item a line in the meeting's order, with who presents each.",
            lambda record, programme: "\n".join(
                f"{item.order}. {item.title}"
                + (f" – {item.presenter.name}" if item.presenter else "")
                for item in record.agenda_items.all()
            ),
            cell=LONG_TEXT,
            width=40,
        ),
        Column(
            "milestones",
            "Milestones reporting to it",
            "The milestones that report to this meeting, one a line.",
            lambda record, programme: "\n".join(m.title for m in record.milestones.all()),
            cell=LONG_TEXT,
            width=40,
        ),
        Column("notes", "Notes", "Notes of the meeting.", attribute("notes"), cell=LONG_TEXT),
    ),
)
