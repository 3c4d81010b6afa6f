"""Cancelling a milestone with a reason, and reinstating it: never deleting what has history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.audit import in_words
from core.versioning import StaleEdit, conflict_summary

from .. import services
from ..forms import MilestoneCancelForm, MilestoneReinstateForm
from ..models import Milestone
from .pages import MilestoneAccessMixin


class MilestoneChangeMixin(MilestoneAccessMixin):
    """A page that changes one milestone: 403, and nothing changed, unless the user may edit
    it."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.object = self.get_object()
            if not self.rights.can_edit_milestone(self.object):
                raise PermissionDenied(
                    "Only the programme's managers and the people named on this service area "
                    "can change its milestones."
                )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(milestone=self.object, **kwargs)

    def fresh(self) -> Milestone:
        return Milestone.objects.select_related("service_area__programme").get(pk=self.object.pk)

    def get_initial(self):
        return {"version": self.object.version}

    def stale(self, form, stale: StaleEdit):
        """Someone saved the milestone first: say what they changed, and let the user send the
        form again, now having seen it."""
        current = stale.current
        conflict = conflict_summary(
            stale, show=lambda name: in_words(Milestone, name, getattr(current, name))
        )
        data = form.data.copy()
        data["version"] = stale.current.version
        refreshed = self.form_class(data)
        refreshed.is_valid()
        self.object = stale.current
        return self.render_to_response(self.get_context_data(form=refreshed, conflict=conflict))

    def refused(self, form, error: ValidationError, field: str):
        if hasattr(error, "error_dict"):
            for name, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if name != "__all__" else None, problem)
        else:
            for problem in error.messages:
                form.add_error(None, problem)
        return self.form_invalid(form)


class MilestoneCancelView(MilestoneChangeMixin, FormView):
    template_name = "milestones/milestone_cancel.html"
    form_class = MilestoneCancelForm

    def get(self, request, *args, **kwargs):
        if self.object.status == Milestone.Status.CANCELLED:
            messages.info(request, f"“{self.object.title}” is already cancelled.")
            return redirect("milestones:detail", pk=self.object.pk)
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        milestone = self.fresh()
        try:
            services.milestone_cancel(
                milestone=milestone,
                opened_version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except StaleEdit as stale:
            return self.stale(form, stale)
        except ValidationError as error:
            return self.refused(form, error, "reason")
        messages.success(self.request, f"Cancelled “{milestone.title}”.")
        return redirect("milestones:detail", pk=milestone.pk)


class MilestoneReinstateView(MilestoneChangeMixin, FormView):
    template_name = "milestones/milestone_reinstate.html"
    form_class = MilestoneReinstateForm

    def get(self, request, *args, **kwargs):
        if self.object.status != Milestone.Status.CANCELLED:
            messages.info(request, f"“{self.object.title}” is not cancelled.")
            return redirect("milestones:detail", pk=self.object.pk)
        return super().get(request, *args, **kwargs)

    @cached_property
    def status_before(self) -> str | None:
        return services.status_before_cancelled(self.object)

    def get_initial(self):
        # What it was before it was cancelled, offered (and said) as the likely choice.
        status = self.status_before or Milestone.Status.NOT_STARTED
        return {**super().get_initial(), "status": status}

    def get_context_data(self, **kwargs):
        words = Milestone.Status(self.status_before).label if self.status_before else None
        return super().get_context_data(status_before=words, **kwargs)

    def form_valid(self, form):
        milestone = self.fresh()
        try:
            services.milestone_reinstate(
                milestone=milestone,
                opened_version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                by=self.request.user,
            )
        except StaleEdit as stale:
            return self.stale(form, stale)
        except ValidationError as error:
            return self.refused(form, error, "status")
        messages.success(
            self.request, f"Reinstated “{milestone.title}”: it is {milestone.status_words.lower()}."
        )
        return redirect("milestones:detail", pk=milestone.pk)
