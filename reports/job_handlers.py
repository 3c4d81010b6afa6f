"""Reports' work in the background: issuing a pack to a meeting, and printing a report too large
to print while the browser waits (``needs_job``)."""

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict

from jobs.models import Job
from jobs.registry import JobRefused, Outcome, handler
from milestones.models import Milestone
from programmes.models import Meeting
from programmes.rights import Rights

from .forms import ReportOptionsForm
from .kinds import build_report, get_kind
from .rendering import render_pdf
from .services import pack_issue


def needs_job(programme) -> bool:
    """A report of a programme this large is printed by the worker, not in the request."""
    return (
        Milestone.objects.filter(service_area__programme=programme).count()
        > settings.REPORT_INLINE_MAX_MILESTONES
    )


def job_params(kind, carried: list[tuple[str, str]], **more) -> dict:
    """What a report job needs: the kind and the options exactly as the form sent them."""
    return {"kind": kind.slug, "options": carried, **more}


def pack_lock(programme, params: dict) -> str:
    """The same report, with the same choices, for the same meeting: one pack at a time."""
    words = json.dumps(params, sort_keys=True).encode()
    return f"issue-pack:{programme.pk}:{hashlib.sha256(words).hexdigest()}"


def _options(job: Job):
    kind = get_kind(job.params["kind"])
    data = MultiValueDict()
    for name, value in job.params["options"]:
        data.appendlist(name, value)
    form = ReportOptionsForm(data, kind=kind, programme=job.programme)
    if not form.is_valid():
        raise JobRefused(
            "The report's choices are no longer valid: "
            + " ".join(str(e) for errors in form.errors.values() for e in errors)
        )
    return kind, form.to_options()


@handler(Job.Kind.ISSUE_PACK)
def issue_pack(job: Job, progress) -> Outcome:
    if not Rights.of(job.requested_by).can_manage_programme(job.programme):
        raise JobRefused("Only this programme's managers can issue committee packs.")
    progress("Checking the report's choices", 0, 3)
    kind, options = _options(job)
    meeting = Meeting.objects.select_related("body").get(pk=job.params["meeting"])
    try:
        pack = pack_issue(
            programme=job.programme,
            kind=kind,
            options=options,
            meeting=meeting,
            by=job.requested_by,
            early_meeting_confirmed=job.params.get("early_meeting_confirmed", False),
            progress=progress,
        )
    except ValidationError as refused:
        raise JobRefused(" ".join(refused.messages)) from refused
    return Outcome(
        summary=f"Issued to {pack.meeting}: kept as pack {pack.pk} ({pack.pages} pages).",
        link=pack.get_absolute_url(),
    )


@handler(Job.Kind.REPORT_PDF)
def print_report(job: Job, progress) -> Outcome:
    if not Rights.of(job.requested_by).can_view_programme(job.programme):
        raise JobRefused("You have not been given access to this programme.")
    progress("Gathering the report's data", 0, 2)
    kind, options = _options(job)
    report = build_report(kind, job.programme, options)
    progress("Printing the PDF", 1, 2)
    rendered = render_pdf(report)
    return Outcome(
        summary=f"{report.title}: {rendered.pages} pages.",
        content=rendered.content,
        file_name=f"{job.programme.slug}-{kind.slug}-{report.as_at:%Y-%m-%d}.pdf",
    )
