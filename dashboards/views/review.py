"""The programme office's review: the board of where each area's update for a period stands,
and one update with what changed since the last accepted one, to accept or return."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from core.versioning import StaleEdit
from dashboards.review import update_board, update_review
from milestones import cycle
from milestones.models import ReportingPeriod
from milestones.periods import current_period
from milestones.update_forms import ReviewDecisionForm
from programmes.views.mixins import ProgrammeMixin

from .updates import AreaUpdateMixin

ACCEPT, RETURN = "accept", "return"


class UpdateBoardView(ProgrammeMixin, TemplateView):
    """Per period, which areas' updates are not started, draft, submitted, returned or
    accepted. Everyone who sees the programme sees where each stands; the updates themselves
    open for those who may read them."""

    template_name = "programmes/update_board.html"

    @cached_property
    def period(self) -> ReportingPeriod | None:
        if "period" in self.kwargs:
            return get_object_or_404(
                ReportingPeriod, programme=self.programme, pk=self.kwargs["period"]
            )
        return current_period(self.programme)

    def get_context_data(self, **kwargs):
        board = None
        if self.period is not None:
            board = update_board(
                programme=self.programme,
                period=self.period,
                rights=self.rights,
                status=self.request.GET.get("status", ""),
            )
        kwargs["period"] = self.period  # the record, not the URL's id
        return super().get_context_data(
            board=board,
            periods=self.programme.reporting_periods.order_by("-start"),
            **kwargs,
        )


class UpdateReviewView(AreaUpdateMixin, TemplateView):
    """One area's update for a period: its parts beside what the records held at the last
    acceptance, the dates moved since, the thread; accept or return it."""

    template_name = "programmes/update_review.html"

    def get_context_data(self, **kwargs):
        review = update_review(area=self.area, period=self.period)
        record = review.record
        submitted = record is not None and record.status == record.Status.SUBMITTED
        manager = self.rights.can_review_updates(self.programme)
        may_decide = submitted and self.rights.can_review_update(record)
        form = kwargs.pop("form", None)
        if may_decide and form is None:
            form = ReviewDecisionForm(initial={"opened_version": record.version})
        return super().get_context_data(
            review=review,
            form=form if may_decide else None,
            own_update=submitted and manager and not may_decide,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        review = update_review(area=self.area, period=self.period)
        record = review.record
        if record is None or not self.rights.can_review_update(record):
            raise PermissionDenied(
                "Only the programme's managers accept or return updates, and never one they "
                "wrote or submitted."
            )
        form = ReviewDecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        decision = request.POST.get("decision")
        comment = form.cleaned_data["comment"]
        opened = form.cleaned_data["opened_version"]
        try:
            if decision == ACCEPT:
                cycle.update_accept(
                    record=record, opened_version=opened, comment=comment, by=request.user
                )
            elif decision == RETURN:
                cycle.update_return(
                    record=record, opened_version=opened, comment=comment, by=request.user
                )
            else:
                raise ValidationError("Choose whether to accept the update or return it.")
        except StaleEdit:
            messages.warning(
                request,
                "Someone changed this update while you were reading it. Here it is as it "
                "stands now; nothing was accepted or returned.",
            )
            return redirect(request.path)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, problems in error.message_dict.items():
                    for problem in problems:
                        form.add_error(field if field in form.fields else None, problem)
            else:
                for message in error.messages:
                    form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form))
        done = "accepted" if decision == ACCEPT else "returned to its writers with your comment"
        messages.success(request, f"{self.area.name}'s update for {self.period.label} {done}.")
        return redirect(
            "programmes:updates-period", programme=self.programme.slug, period=self.period.pk
        )
