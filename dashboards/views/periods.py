"""A programme's reporting periods: the list, with where each period's updates stand; and,
for its managers, opening the next period (label and dates proposed), changing one, setting
the day updates are due, closing and reopening."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.audit import AUDIT_LENGTH, audit_trail
from core.versioning import StaleEdit, conflict_summary
from milestones import periods
from milestones.models import AreaUpdate, ReportingPeriod
from milestones.update_forms import PeriodEditForm, PeriodOpenForm
from programmes.views.mixins import ManagerRequiredMixin, ProgrammeMixin


def posted_version(request) -> int:
    """The version the page was opened at; a crafted value is never a real version."""
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def show_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
    else:
        for message in error.messages:
            form.add_error(None, message)


class PeriodListView(ProgrammeMixin, TemplateView):
    template_name = "programmes/period_list.html"

    def get_context_data(self, **kwargs):
        rows = list(self.programme.reporting_periods.select_related("closed_by").order_by("-start"))
        counts: dict = {}
        tallies = (
            AreaUpdate.objects.filter(period__in=rows)
            .values("period_id", "status")
            .annotate(n=Count("id"))
        )
        for tally in tallies:
            counts.setdefault(tally["period_id"], {})[tally["status"]] = tally["n"]
        areas = self.programme.service_areas.count()
        for period in rows:
            mine = counts.get(period.pk, {})
            period.tally = {
                "submitted": mine.get("submitted", 0),
                "accepted": mine.get("accepted", 0),
                "not_started": areas - sum(mine.values()),
            }
        return super().get_context_data(
            periods=rows, current=periods.current_period(self.programme), **kwargs
        )


class PeriodOpenView(ManagerRequiredMixin, FormView):
    template_name = "programmes/period_form.html"
    form_class = PeriodOpenForm

    @cached_property
    def proposal(self):
        return periods.propose_next_period(self.programme)

    def get_initial(self):
        proposal = self.proposal
        return {
            "label": proposal.label,
            "start": proposal.start,
            "end": proposal.end,
            "updates_due": proposal.updates_due,
        }

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.instance.programme = self.programme  # so the model's checks (overlaps) run
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading="Open the next reporting period", basis=self.proposal.basis, **kwargs
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            period = periods.period_open(
                programme=self.programme,
                label=data["label"],
                start=data["start"],
                end=data["end"],
                updates_due=data["updates_due"],
                by=self.request.user,
            )
        except ValidationError as error:
            show_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"{period.label} is open for updates.")
        return redirect("programmes:periods", programme=self.programme.slug)


class PeriodMixin(ManagerRequiredMixin):
    @cached_property
    def period(self) -> ReportingPeriod:
        return get_object_or_404(
            ReportingPeriod.objects.select_related("programme"),
            programme=self.programme,
            pk=self.kwargs["period"],
        )


class PeriodEditView(PeriodMixin, FormView):
    template_name = "programmes/period_form.html"
    form_class = PeriodEditForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.period}

    def get_context_data(self, **kwargs):
        history = self.period.history.select_related("history_user")[: AUDIT_LENGTH + 1]
        return super().get_context_data(
            heading=f"Change {self.period.label}",
            audit=audit_trail(list(history)),
            object=self.period,
            **kwargs,
        )

    def form_valid(self, form):
        fresh = ReportingPeriod.objects.select_related("programme").get(pk=self.period.pk)
        try:
            periods.period_edit(
                period=fresh,
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                by=self.request.user,
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            refreshed = PeriodEditForm(
                data=form.rebased_data(stale.current), instance=stale.current
            )
            refreshed.is_valid()
            return self.render_to_response(self.get_context_data(form=refreshed, conflict=conflict))
        except ValidationError as error:
            show_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Saved {fresh.label}.")
        return redirect("programmes:periods", programme=self.programme.slug)


class PeriodCloseView(PeriodMixin, TemplateView):
    """Asks first, saying which areas have not submitted; closing stops their writing."""

    template_name = "programmes/period_close.html"

    def get_context_data(self, **kwargs):
        records = {
            record.service_area_id: record
            for record in AreaUpdate.objects.filter(period=self.period)
        }
        unfinished = [
            (area, records.get(area.pk))
            for area in self.programme.service_areas.all()
            if records.get(area.pk) is None or records[area.pk].is_writable
        ]
        kwargs["period"] = self.period  # the record, not the URL's id
        return super().get_context_data(unfinished=unfinished, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            periods.period_close(
                period=self.period,
                opened_version=posted_version(request),
                by=request.user,
            )
        except (StaleEdit, ValidationError):
            messages.warning(
                request, f"{self.period.label} was changed meanwhile: nothing was closed."
            )
            return redirect("programmes:periods", programme=self.programme.slug)
        messages.success(request, f"{self.period.label} is closed: it takes no more updates.")
        return redirect("programmes:periods", programme=self.programme.slug)


class PeriodReopenView(PeriodMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            periods.period_reopen(
                period=self.period,
                opened_version=posted_version(request),
                by=request.user,
            )
        except (StaleEdit, ValidationError):
            messages.warning(
                request, f"{self.period.label} was changed meanwhile: nothing was reopened."
            )
        else:
            messages.success(request, f"{self.period.label} is open again for updates.")
        return redirect("programmes:periods", programme=self.programme.slug)
