"""The whole programme's workbook, written by the worker for programmes too large to write
while the browser waits (``needs_job``)."""

from django.conf import settings

from jobs.models import Job
from jobs.registry import JobRefused, Outcome, handler
from milestones.models import Milestone
from programmes.rights import Rights

from . import workbook


def needs_job(programme) -> bool:
    return (
        Milestone.objects.filter(service_area__programme=programme).count()
        > settings.EXPORT_INLINE_MAX_MILESTONES
    )


@handler(Job.Kind.PROGRAMME_EXPORT)
def export_programme(job: Job, progress) -> Outcome:
    if not Rights.of(job.requested_by).can_view_programme(job.programme):
        raise JobRefused("You have not been given access to this programme.")
    progress("Writing every sheet of the workbook", 0, 1)
    with workbook.write_programme(job.programme) as written:
        written.seek(0)
        content = written.read()
    return Outcome(
        summary=f"The whole programme as an Excel workbook ({len(content) // 1024:,} kB).",
        content=content,
        file_name=workbook.file_name(job.programme, "programme"),
    )
