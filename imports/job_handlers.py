"""Committing an import in the background: the file kept between the import's steps is read
again, committed in one transaction (or refused, saying why), then deleted. The job's page
shows how many rows are saved, a batch at a time (``imports.applying``)."""

from django.core.files.storage import default_storage
from django.urls import reverse

from jobs.models import Job
from jobs.registry import JobRefused, Outcome, handler
from programmes.rights import Rights

from . import importing
from .uploads import PendingImport

KEPT = ("stored_as", "file_name", "mappings", "resolutions", "translations")


def job_params(pending: PendingImport, *, partial: bool = False) -> dict:
    return {**{key: getattr(pending, key) for key in KEPT}, "partial": partial}


@handler(Job.Kind.IMPORT_COMMIT)
def commit_import(job: Job, progress) -> Outcome:
    if not Rights.of(job.requested_by).can_manage_programme(job.programme):
        raise JobRefused("Only this programme's managers can import spreadsheets into it.")
    params = job.params
    pending = PendingImport(
        token="",
        programme_id=job.programme_id,
        uploaded_at="",
        **{key: params[key] for key in KEPT if key in params},
    )
    if not default_storage.exists(pending.stored_as):
        raise JobRefused("The uploaded file is no longer kept: upload it again.")
    progress("Reading the spreadsheet", 0, 1)
    book = pending.book()
    progress("Checking every row", 0, 1)

    def saved(done: int, total: int) -> None:
        progress(f"Saved {done:,} of {total:,} rows", done, total)

    try:
        record = importing.commit(
            programme=job.programme,
            book=book,
            mappings=pending.sheet_mappings(),
            resolutions=pending.resolutions,
            translations=pending.translations,
            partial=params.get("partial", False),
            by=job.requested_by,
            progress=saved,
        )
    except importing.ImportRefused as refused:
        raise JobRefused(str(refused)) from refused
    default_storage.delete(pending.stored_as)
    default_storage.delete(pending.read_as)
    left_out = len(record.left_out)
    return Outcome(
        summary=(
            f"{record.file_name} imported: {record.created} added, {record.updated} updated, "
            f"{record.unchanged} unchanged"
            + (
                f"; {left_out} row{'s' if left_out != 1 else ''} left out, listed on the import "
                "history to download, put right and import again."
                if left_out
                else "."
            )
        ),
        link=reverse("spreadsheets:import-history", kwargs={"programme": job.programme.slug}),
    )
