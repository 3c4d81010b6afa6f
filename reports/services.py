"""Writes of the reports app: issuing a pack to a meeting (a permanent record) and saving a
committee cover sheet."""

import hashlib
import json
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from programmes.models import Meeting

from .generators.base import Issue
from .html_pack import render_html
from .kinds import Kind, build_report
from .models import ContactOfficer, IssuedPack
from .options import ReportOptions
from .rendering import render_pdf

PACK_DIRECTORY = "issued-packs"


def snapshot_json(report) -> bytes:
    """The report's data as JSON: what the PDF was built from, in plain values (dates as ISO
    text, amounts as exact decimal text)."""

    def plain(value):
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, datetime | date):
            return value.isoformat()
        raise TypeError(f"{type(value).__name__} cannot go in a snapshot")

    data = asdict(report)
    return json.dumps(data, default=plain, ensure_ascii=False, indent=1, sort_keys=True).encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def user_name(user) -> str:
    return user.get_full_name() or user.get_username()


ATTEMPTS = 3  # printings of a pack whose records change while it is printed


def pack_issue(
    *,
    programme,
    kind: Kind,
    options: ReportOptions,
    meeting,
    by,
    early_meeting_confirmed: bool = False,
    progress=None,
) -> IssuedPack:
    """Print the report and keep it, with its data, as issued to ``meeting`` by ``by``.
    A meeting held before the report's as-at date receives it only when the user confirmed
    that (``early_meeting_confirmed``): its figures would be dated after the meeting.

    The PDF, the same report as an HTML file and the JSON snapshot are written through
    Django's storage under ``issued-packs/<programme>/<year>/``; the record holds their names
    and SHA-256 fingerprints. If the record cannot be saved the files are removed again.

    Printing takes seconds to minutes, so it holds no transaction: the report's data are
    gathered and printed first; then, in a short transaction that locks the meeting (one
    pack issued to it at a time), gathered again and compared with what was printed. If
    nothing changed, the files are stored and the pack recorded; if someone saved a change
    meanwhile, the pack is printed again from the new data (``ATTEMPTS`` times at most, then
    refused), so a pack never shows data other than its snapshot's. ``progress(step, done,
    total)`` hears each step.
    """
    if meeting.body.programme_id != programme.pk:
        raise ValidationError({"meeting": "This meeting belongs to another programme."})
    if meeting.is_cancelled:
        raise ValidationError(
            {"meeting": f"This meeting was cancelled ({meeting.cancelled_reason}): choose another."}
        )
    if early_meeting_question(meeting, options) and not early_meeting_confirmed:
        raise ValidationError({"meeting": early_meeting_question(meeting, options)})
    issued_at = timezone.now()
    issue = Issue(
        meeting=f"{meeting.body.short_name} {meeting.date:%-d %B %Y}",
        meeting_date=meeting.date,
        issued_at=issued_at,
        issued_by=user_name(by),
    )
    tell = progress or (lambda step, done, total: None)
    for attempt in range(ATTEMPTS):
        again = " again: its records changed while it was printed" if attempt else ""
        tell(f"Printing the PDF{again}", 1, 3)
        report = build_report(kind, programme, options, issue=issue)
        snapshot = snapshot_json(report)
        rendered = render_pdf(report)
        html = render_html(report)
        tell("Checking nothing changed, and keeping the pack with its data", 2, 3)
        with transaction.atomic():
            Meeting.objects.select_for_update().get(pk=meeting.pk)
            now = build_report(kind, programme, options, issue=issue)
            if snapshot_json(now) != snapshot:
                continue
            return _keep(programme, kind, options, meeting, by, report, rendered, html, snapshot)
    raise ValidationError(
        "The programme's records kept changing while the pack was printed, so it was not "
        "issued. Issue it again when they are settled."
    )


def _keep(programme, kind, options, meeting, by, report, rendered, html, snapshot) -> IssuedPack:
    """Store a printed pack's files and record it as issued; remove the files again if the
    record cannot be saved."""
    issued_at = report.issue.issued_at
    stem = (
        f"{PACK_DIRECTORY}/{programme.slug}/{issued_at:%Y}/"
        f"{issued_at:%Y%m%d-%H%M%S}-{kind.slug}-{slugify(meeting.body.short_name)[:30]}"
    )
    saved: list[str] = []
    try:
        pdf_name = default_storage.save(f"{stem}.pdf", ContentFile(rendered.content))
        saved.append(pdf_name)
        html_name = default_storage.save(f"{stem}.html", ContentFile(html))
        saved.append(html_name)
        snapshot_name = default_storage.save(f"{stem}.json", ContentFile(snapshot))
        saved.append(snapshot_name)
        pack = IssuedPack(
            programme=programme,
            meeting=meeting,
            kind=kind.slug,
            title=report.title,
            as_at=options.as_at,
            options=options.as_json(),
            since_pack_id=options.since_pack_id,
            since=options.since,
            sha256=sha256(rendered.content),
            size=len(rendered.content),
            pages=rendered.pages,
            html_sha256=sha256(html),
            snapshot_sha256=sha256(snapshot),
            issued_by=by,
            issued_by_name=user_name(by),
            issued_at=issued_at,
        )
        pack.pdf.name = pdf_name
        pack.html.name = html_name
        pack.snapshot.name = snapshot_name
        pack.full_clean()
        pack.save()
    except Exception:
        for name in saved:
            default_storage.delete(name)
        raise
    return pack


def early_meeting_question(meeting, options: ReportOptions) -> str:
    """The question to ask before issuing to a meeting held before the report's as-at date;
    empty when the meeting is on or after it."""
    if meeting.date >= options.as_at:
        return ""
    return (
        f"The meeting on {meeting.date:%-d %B %Y} is held before this report's as-at date, "
        f"{options.as_at:%-d %B %Y}. Issue it to that meeting all the same?"
    )


def pack_file(pack: IssuedPack, which: str = "pdf") -> bytes:
    """An issued pack's PDF (or HTML version, or JSON snapshot) exactly as stored, after checking
    it against the fingerprint taken when it was issued."""
    field, expected = {
        "pdf": (pack.pdf, pack.sha256),
        "html": (pack.html, pack.html_sha256),
        "snapshot": (pack.snapshot, pack.snapshot_sha256),
    }[which]
    with default_storage.open(field.name, "rb") as file:
        data = file.read()
    if sha256(data) != expected:
        raise PackTampered(
            f"The stored {which} of issued pack {pack.pk} does not match its SHA-256."
        )
    return data


class PackTampered(Exception):
    """An issued pack's file no longer matches the fingerprint taken when it was issued."""


@transaction.atomic
def cover_sheet_save(*, form, sections, papers) -> object:
    """Save a cover sheet with its sections and background papers, and its contact officers in
    order: those already listed keep their places, new ones follow. Every contact officer must
    be one of the programme's people: checked before anything is saved."""
    chosen = list(form.cleaned_data.get("contact_officers") or [])
    for person in chosen:
        ContactOfficer(report=form.instance, person=person).full_clean(exclude=["report"])
    report = form.save()
    sections.instance = report
    sections.save()
    papers.instance = report
    papers.save()
    links = {link.person_id: link for link in report.contact_officer_links.all()}
    keep = [pid for pid in links if pid in {person.pk for person in chosen}]
    report.contact_officer_links.exclude(person_id__in=keep).delete()
    order = keep + [person.pk for person in chosen if person.pk not in links]
    for position, person_id in enumerate(order):
        ContactOfficer.objects.update_or_create(
            report=report, person_id=person_id, defaults={"order": position}
        )
    return report
