"""What the pages that hand work to a job share: starting it for the person asking (or finding
the same work already under way) and where to send them next."""

from django.contrib import messages

from jobs.models import Job
from jobs.services import JobBusy, job_start


def start(request, *, kind: str, programme, params: dict, lock_key: str = "") -> Job:
    """Start the job, or return the same work already waiting or running (and say so)."""
    try:
        return job_start(
            kind=kind, programme=programme, by=request.user, params=params, lock_key=lock_key
        )
    except JobBusy as busy:
        messages.info(request, "The same work is already under way: here it is.")
        return busy.job


def finished(job: Job) -> bool:
    """Finished already: the backend runs jobs at once (tests, a small installation), or the
    worker was quicker than the request."""
    return job.status == Job.Status.DONE
