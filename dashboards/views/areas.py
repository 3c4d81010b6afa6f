from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.audit import AUDIT_LENGTH, audit_trail
from core.versioning import StaleEdit, conflict_summary
from dashboards import selectors
from jobs import web as jobs_web
from jobs.models import Job
from programmes.area_setup import area_edit
from programmes.forms.areas import ServiceAreaEditForm, ServiceAreaManageForm
from programmes.models import ServiceArea
from programmes.rights import LIMITED_TO_PARTNER
from programmes.views.mixins import ManagerRequiredMixin, ProgrammeMixin


class ServiceAreaView(ProgrammeMixin, TemplateView):
    """The champion's page: people, scope, milestones by stage with their slippage, where this
    period's update stands, accepted updates, risks, savings and actions."""

    template_name = "programmes/service_area.html"

    def get_context_data(self, **kwargs):
        area = get_object_or_404(ServiceArea, programme=self.programme, pk=self.kwargs["pk"])
        if not self.rights.can_view_area(area):
            raise PermissionDenied(LIMITED_TO_PARTNER)
        page = selectors.service_area_page(
            area=area,
            milestones_page=self.request.GET.get("milestones"),
            updates_page=self.request.GET.get("updates"),
        )
        partner = self.rights.partner_in(self.programme)
        if partner is not None:  # its own participation, not the other authorities'
            page.participations = [p for p in page.participations if p.organisation_id == partner]
        can_edit = self.rights.can_edit_area(area)
        history = list(area.history.select_related("history_user")[: AUDIT_LENGTH + 1])
        return super().get_context_data(
            page=page,
            can_edit=can_edit,
            audit=audit_trail(history),
            **kwargs,
        )


class SendRemindersView(ManagerRequiredMixin, View):
    managers_only = "e-mail reminders to its people"

    def post(self, request, *args, **kwargs):
        job = jobs_web.start(
            request,
            kind=Job.Kind.REMINDERS,
            programme=self.programme,
            params={"base_url": request.build_absolute_uri("/"), "on_request": True},
            lock_key=f"reminders:{self.programme.pk}",
        )
        if jobs_web.finished(job):
            messages.success(request, job.summary)
            return redirect("programmes:overview", programme=self.programme.slug)
        return redirect(job)


class ServiceAreaEditView(ProgrammeMixin, FormView):
    """Change an area: its people what it is doing, its managers its name and place too."""

    template_name = "programmes/service_area_form.html"

    @cached_property
    def area(self) -> ServiceArea:
        area = get_object_or_404(ServiceArea, programme=self.programme, pk=self.kwargs["pk"])
        if not self.rights.can_edit_area(area):
            raise PermissionDenied("Only the people named on this service area can change it.")
        return area

    def get_form_class(self):
        if self.rights.can_manage_programme(self.programme):
            return ServiceAreaManageForm
        return ServiceAreaEditForm

    def get_form_kwargs(self):
        # A copy: the heading names the area as saved, whatever was typed.
        instance = ServiceArea.objects.select_related("programme").get(pk=self.area.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        return super().get_context_data(area=self.area, **kwargs)

    def form_valid(self, form):
        fresh = ServiceArea.objects.select_related("programme").get(pk=self.area.pk)
        try:
            area_edit(
                area=fresh,
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                rights=self.rights,
                by=self.request.user,
            )
        except StaleEdit as stale:
            return self.conflict(form, stale)
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
            return self.form_invalid(form)
        messages.success(self.request, f"Saved {fresh.name}.")
        return redirect("programmes:service-area", programme=self.programme.slug, pk=fresh.pk)

    def conflict(self, form, stale: StaleEdit):
        conflict = conflict_summary(stale)  # before the form copies this user's typing on
        refreshed = self.get_form_class()(
            data=form.rebased_data(stale.current), instance=stale.current
        )
        refreshed.is_valid()
        return self.render_to_response(self.get_context_data(form=refreshed, conflict=conflict))
