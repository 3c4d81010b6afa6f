"""A job's page: how far it has got (refreshed by a small script, or by the page itself without
JavaScript), then its result to download or the reason it failed with "Try again"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import DetailView, View

from jobs.models import Job
from jobs.services import JobBusy, job_retry
from programmes.views.mixins import ProgrammeMixin

REFRESH_SECONDS = 3


class JobMixin(ProgrammeMixin):
    @cached_property
    def job(self) -> Job:
        job = get_object_or_404(
            Job.objects.select_related("programme", "requested_by"),
            pk=self.kwargs["pk"],
            programme=self.programme,
        )
        if not self.rights.can_follow_job(job):
            raise PermissionDenied(
                "Only whoever asked for this job, and the programme's managers, can follow it."
            )
        return job

    def get_object(self, queryset=None):
        return self.job


class JobDetailView(JobMixin, DetailView):
    template_name = "jobs/job_detail.html"
    context_object_name = "job"

    def get_context_data(self, **kwargs):
        return super().get_context_data(refresh_seconds=REFRESH_SECONDS, **kwargs)


class JobStatusView(JobMixin, View):
    """The job's progress as JSON, for the page's script."""

    def get(self, request, *args, **kwargs):
        job = self.job
        return JsonResponse(
            {
                "status": job.status,
                "status_words": job.get_status_display(),
                "step": job.step,
                "steps_done": job.steps_done,
                "steps_total": job.steps_total,
                "percent": job.percent,
                "live": job.is_live,
            }
        )


class JobDownloadView(JobMixin, View):
    def get(self, request, *args, **kwargs):
        job = self.job
        if job.status != Job.Status.DONE or not job.result:
            raise Http404("This job has no file to download.")
        return FileResponse(job.result.open("rb"), as_attachment=True, filename=job.result_name)


class JobRetryView(JobMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            job = job_retry(job=self.job, rights=self.rights)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.job)
        except JobBusy as busy:
            messages.info(request, "The same work is already under way: here it is.")
            return redirect(busy.job)
        return redirect(job)
