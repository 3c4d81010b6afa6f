"""Adding milestones to a service area: one at a time with all its fields, or several at once
pasted from Word or Excel."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.edit_forms import show_refusal
from programmes.models import ServiceArea
from programmes.views.mixins import ProgrammeMixin

from .. import services
from ..area_forms import AddSeveralForm
from ..area_writes import RowsRefused, milestones_add_several
from ..forms import MilestoneCreateForm
from ..models import Milestone


class AreaMilestonesMixin(ProgrammeMixin):
    """A page that changes a service area's milestones: 403, and nothing changed, unless the
    user manages the programme or is named on the area (``Rights.can_edit_area``)."""

    @cached_property
    def area(self) -> ServiceArea:
        area = get_object_or_404(
            ServiceArea.objects.select_related("programme"),
            programme=self.programme,
            pk=self.kwargs["area"],
        )
        if not self.rights.can_edit_area(area):
            raise PermissionDenied(
                "Only the programme's managers and the people named on this "
                f"{self.programme.service_area_label.lower()} can change its milestones."
            )
        return area

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.area  # noqa: B018 — refuse before any form is read or saved
        return super().dispatch(request, *args, **kwargs)

    def area_url(self, anchor: str = "milestones-heading") -> str:
        url = reverse(
            "programmes:service-area", kwargs={"programme": self.programme.slug, "pk": self.area.pk}
        )
        return f"{url}#{anchor}"

    def get_context_data(self, **kwargs):
        # A TemplateView passes the URL's kwargs in too: the area's id gives way to the area.
        kwargs.update(area=self.area, area_url=self.area_url())
        return super().get_context_data(**kwargs)


class MilestoneCreateView(AreaMilestonesMixin, FormView):
    template_name = "milestones/milestone_create.html"
    form_class = MilestoneCreateForm
    extra_context = {"date_fields": [f"{name}_text" for name in Milestone.DATE_NAMES]}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": Milestone(service_area=self.area)}

    def form_valid(self, form):
        if "check" in self.request.POST:  # "Check dates without saving"
            return self.render_to_response(self.get_context_data(form=form, checked=True))
        fields = form.creation_fields()
        try:
            milestone = services.milestone_create(
                service_area=self.area, by=self.request.user, **fields
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Added “{milestone.title}” to {self.area.name}.")
        if "another" in self.request.POST:
            return redirect(self.request.path)
        return redirect(self.area_url())


class AddSeveralView(AreaMilestonesMixin, FormView):
    """Paste several milestones at once. "Check" shows how every line was read; "Add" adds them
    all, or none with each refused line's problems beside it."""

    template_name = "milestones/milestone_add_several.html"
    form_class = AddSeveralForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "area": self.area}

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, lines=form.pasted))

    def form_valid(self, form):
        if "check" in self.request.POST:
            context = self.get_context_data(form=form, lines=form.pasted, checked=True)
            return self.render_to_response(context)
        try:
            added = milestones_add_several(
                service_area=self.area, rows=form.rows(), by=self.request.user
            )
        except RowsRefused as refused:
            form.refused_by_service(refused.problems)
            return self.form_invalid(form)
        count = len(added)
        messages.success(
            self.request,
            f"Added {count} milestone{'s' if count != 1 else ''} to {self.area.name}.",
        )
        return redirect(self.area_url())
