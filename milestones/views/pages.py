"""A milestone's own pages: its dates with their history and its progress updates, its edit
form, and how a date typed into a form will be read."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, UpdateView

from core import fuzzydates, slippage
from core.audit import AUDIT_LENGTH, audit_trail
from core.date_forms import describe_reading
from core.edit_forms import show_refusal
from core.versioning import StaleEdit, conflict_summary
from programmes.models import Programme
from programmes.rights import LIMITED_TO_PARTNER, Rights

from .. import services
from ..forms import MilestoneEditForm
from ..models import Milestone


class MilestoneAccessMixin(LoginRequiredMixin):
    """A milestone page: 403 unless the user can see its programme."""

    @cached_property
    def rights(self) -> Rights:
        return Rights.of(self.request.user)

    def get_object(self, queryset=None):
        milestone = get_object_or_404(
            Milestone.objects.select_related(
                "service_area__programme",
                "stage",
                "owner__organisation",
                "reports_to__body",
                "cancelled_by",
            ),
            pk=self.kwargs["pk"],
        )
        if not self.rights.can_view_programme(milestone.service_area.programme_id):
            raise PermissionDenied("You have not been given access to this programme.")
        if not self.rights.can_view_area(milestone.service_area):
            raise PermissionDenied(LIMITED_TO_PARTNER)
        return milestone

    def get_context_data(self, **kwargs):
        milestone = self.object
        return super().get_context_data(
            programme=milestone.service_area.programme,
            can_edit=self.rights.can_edit_milestone(milestone),
            **kwargs,
        )


class MilestoneDetailView(MilestoneAccessMixin, DetailView):
    """Dates with their full change history, accepted updates, and the audit history of every
    field. The milestone's update for a period is written in its service area's update."""

    template_name = "milestones/milestone_detail.html"
    context_object_name = "milestone"

    def get_context_data(self, **kwargs):
        milestone = self.object
        history = list(milestone.history.select_related("history_user")[: AUDIT_LENGTH + 1])
        labels = {
            name: Milestone._meta.get_field(f"{name}_text")
            .verbose_name.replace(" (as written)", "")
            .capitalize()
            for name in Milestone.DATE_NAMES
        }
        changes = list(milestone.date_changes.select_related("changed_by"))
        # Each moved date as the reports print it: "Dec 2009, extended to Mar 2010, …".
        moved = [
            (labels[name], slippage.phrase(getattr(milestone, name), moves))
            for name in Milestone.RESCHEDULABLE_DATES
            if (moves := slippage.moves_of(changes, name))
            and any(move.direction != slippage.SAME for move in moves)
        ]
        return super().get_context_data(
            milestone_dates=[(labels[name], getattr(milestone, name)) for name in labels],
            moved_dates=moved,
            date_changes=changes,
            updates=milestone.updates.reportable()
            .select_related("period", "author")
            .order_by("-period__start"),
            audit=audit_trail(history),
            **kwargs,
        )


class MilestoneEditView(MilestoneAccessMixin, UpdateView):
    template_name = "milestones/milestone_form.html"
    form_class = MilestoneEditForm
    context_object_name = "milestone"
    extra_context = {"date_fields": [f"{name}_text" for name in Milestone.DATE_NAMES]}

    def get_object(self, queryset=None):
        milestone = super().get_object(queryset)
        if not self.rights.can_edit_milestone(milestone):
            raise PermissionDenied("Only the people named on this service area can change it.")
        return milestone

    def post(self, request, *args, **kwargs):
        if "check" not in request.POST:
            return super().post(request, *args, **kwargs)
        # "Check dates without saving": show how each date was read; nothing is saved, and a
        # reason is not asked for yet.
        self.object = self.get_object()
        form = self.get_form()
        form.is_valid()
        form.errors.pop("reason", None)
        return self.render_to_response(self.get_context_data(form=form, checked=True))

    def form_valid(self, form):
        fresh = Milestone.objects.select_related("service_area__programme").get(pk=self.object.pk)
        try:
            services.milestone_edit(
                milestone=fresh,
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                reason=form.cleaned_data["reason"],
                by=self.request.user,
            )
        except StaleEdit as stale:
            return self.conflict(form, stale)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Saved “{fresh.title}”.")
        return redirect("milestones:detail", pk=fresh.pk)

    def conflict(self, form, stale: StaleEdit):
        """Someone saved first: keep what this user changed as they typed it, show what changed
        meanwhile (and the other fields as they are now), and let them save again: only the
        fields this user changed are applied."""
        conflict = conflict_summary(stale)
        refreshed = MilestoneEditForm(data=form.rebased_data(stale.current), instance=stale.current)
        refreshed.is_valid()
        return self.render_to_response(
            self.get_context_data(
                form=refreshed,
                conflict=conflict,
            )
        )


class InterpretDateView(LoginRequiredMixin, View):
    """How a date typed into a form will be understood (for the live hint beside date fields)."""

    def get(self, request):
        quarters = "calendar"
        if slug := request.GET.get("programme"):
            programme = get_object_or_404(Programme, slug=slug)
            if not Rights.of(request.user).can_view_programme(programme):
                raise PermissionDenied("You have not been given access to this programme.")
            quarters = programme.quarters
        value = fuzzydates.parse(request.GET.get("text", "")[:200], quarters=quarters)
        return JsonResponse({"reading": describe_reading(value), "dated": value.is_dated})
