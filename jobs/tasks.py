"""The one task the queue knows: run a job. Whichever backend ``TASKS`` chooses (the database
worker, RQ on Redis, or at once in tests) calls it with the job's id."""

from django_tasks import TaskContext, task

from jobs.services import job_run


@task(takes_context=True)
def run_job(context: TaskContext, job_id: int) -> None:
    workers = context.task_result.worker_ids
    job_run(job_id, worker_id=workers[-1] if workers else "")
