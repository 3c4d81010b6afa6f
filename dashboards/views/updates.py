"""The champion's update: one page to write a service area's update for a reporting period
(the area's text and each milestone's comment / current activity, with RAG statuses), save it
as a draft, submit it to the programme office, and read and answer what they said."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from core.versioning import StaleEdit, conflict_summary
from dashboards.review import update_review
from milestones import cycle
from milestones.models import ReportingPeriod
from milestones.periods import current_period
from milestones.update_forms import PeriodUpdateForm
from programmes.models import Person, ServiceArea
from programmes.views.mixins import ProgrammeMixin

DRAFT, SUBMIT = "draft", "submit"


class AreaUpdateMixin(ProgrammeMixin):
    """A page about one service area's update for one period (the current one unless the URL
    names another). Only those who may write the area's update, and the programme's managers,
    see it before it is accepted."""

    @cached_property
    def area(self) -> ServiceArea:
        area = get_object_or_404(
            ServiceArea.objects.select_related("programme"),
            programme=self.programme,
            pk=self.kwargs["pk"],
        )
        if not self.rights.can_write_update(area):
            raise PermissionDenied(
                "Only the people named on this service area and the programme office see its "
                "update before it is accepted."
            )
        return area

    @cached_property
    def period(self) -> ReportingPeriod | None:
        if "period" in self.kwargs:
            return get_object_or_404(
                ReportingPeriod, programme=self.programme, pk=self.kwargs["period"]
            )
        return current_period(self.programme)

    def get_context_data(self, **kwargs):
        kwargs.pop("pk", None)  # the URL's ids give way to the records
        kwargs["period"] = self.period
        return super().get_context_data(area=self.area, **kwargs)


class AreaUpdateView(AreaUpdateMixin, TemplateView):
    template_name = "programmes/area_update.html"

    def get_context_data(self, **kwargs):
        context = {}
        if self.period is not None:
            review = update_review(area=self.area, period=self.period)
            refusal = cycle.writing_refusal(self.period, review.record)
            form = kwargs.pop("form", None) or PeriodUpdateForm(area=self.area, period=self.period)
            if refusal:
                form.disable()
            elif review.record and review.record.status == review.record.Status.RETURNED:
                form.fields["note"].label = "Your answer to the programme office"
                form.fields["note"].help_text = "They read it beside your update."
            context.update(review=review, refusal=refusal, form=form)
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.period is None:
            raise PermissionDenied("This programme has no reporting period open for updates.")
        form = PeriodUpdateForm(request.POST, area=self.area, period=self.period)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        submit = request.POST.get("action") == SUBMIT
        # The signed-in officer as the author, when they are one of the programme's people.
        author = Person.objects.of_programme(self.programme).filter(user=request.user).first()
        try:
            record = cycle.update_save(
                service_area=self.area,
                period=self.period,
                parts=form.parts(),
                note=form.cleaned_data["note"],
                submit=submit,
                by=request.user,
                author=author,
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            return self.render_to_response(
                self.get_context_data(form=form.after_conflict(stale.current), conflict=conflict)
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.render_to_response(self.get_context_data(form=form))
        label = self.period.label
        if submit:
            messages.success(
                request,
                f"Your update for {label} is submitted. The programme office will review it; "
                "you will see their answer here.",
            )
        elif record is None:
            messages.info(request, "Nothing was saved: nothing had been written.")
        else:
            messages.success(
                request, f"Update for {label} saved as a draft. Submit it when it is ready."
            )
        return redirect("programmes:service-area", programme=self.programme.slug, pk=self.area.pk)
