"""A programme's service areas, managed by its managers: the list to add, reorder, close and
reopen them; each area's partner participation and people in roles. Saved by
``programmes.area_setup``; changing an area's own fields is its "Change" page
(``dashboards.views.areas.ServiceAreaEditView``)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.ordering import DOWN, UP
from core.versioning import StaleEdit, conflict_summary
from programmes import area_setup
from programmes.forms.areas import (
    AreaCloseForm,
    ParticipationForm,
    RoleAddForm,
    ServiceAreaManageForm,
)
from programmes.models import Organisation, Participation, ServiceArea, ServiceAreaRole

from .mixins import ManagerRequiredMixin
from .programme_setup import show_refusal


class AreaListView(ManagerRequiredMixin, TemplateView):
    """The programme's areas in order, with what a manager does to each; the closed ones
    below, to reopen."""

    template_name = "programmes/servicearea_setup_list.html"

    def get_context_data(self, **kwargs):
        areas = ServiceArea.objects.filter(programme=self.programme).select_related("parent")
        roles = ServiceAreaRole.objects.select_related("person")
        return super().get_context_data(
            open_areas=list(areas.open().prefetch_related(Prefetch("roles", queryset=roles))),
            closed_areas=list(areas.closed()),
            page_title=f"{self.programme.service_area_label}s",
            **kwargs,
        )


class AreaMixin(ManagerRequiredMixin):
    """A page about one of the programme's areas."""

    @cached_property
    def area(self) -> ServiceArea:
        return get_object_or_404(
            ServiceArea.objects.select_related("programme", "parent"),
            programme=self.programme,
            pk=self.kwargs["pk"],
        )

    def list_url(self) -> str:
        return reverse("programme-setup:areas", kwargs={"programme": self.programme.slug})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            area=self.area,
            list_url=self.list_url(),
            list_title=f"{self.programme.service_area_label}s",
            **kwargs,
        )


class AreaCreateView(ManagerRequiredMixin, FormView):
    form_class = ServiceAreaManageForm
    template_name = "programmes/record_form.html"

    def get_form_kwargs(self):
        area = ServiceArea(programme=self.programme)
        return {**super().get_form_kwargs(), "instance": area}

    def get_context_data(self, **kwargs):
        word = self.programme.service_area_label
        return super().get_context_data(
            heading=f"Add a {word.lower()}",
            noun=word.lower(),
            list_url=reverse("programme-setup:areas", kwargs={"programme": self.programme.slug}),
            list_title=f"{word}s",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            area = area_setup.area_add(area=form.instance, rights=self.rights, by=self.request.user)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"Added {area.name}. Next: name its people and record its partners."
        )
        return redirect("programme-setup:area-people", programme=self.programme.slug, pk=area.pk)


class AreaMoveView(AreaMixin, View):
    def post(self, request, *args, **kwargs):
        direction = request.POST.get("direction")
        if direction in (UP, DOWN):
            area_setup.area_move(
                area=self.area, direction=direction, rights=self.rights, by=request.user
            )
            messages.success(request, f"Moved {self.area.name} {direction}.")
        return redirect(self.list_url())


class AreaCloseView(AreaMixin, FormView):
    """Close an area, saying why: what closing does is on the page before the button."""

    form_class = AreaCloseForm
    template_name = "programmes/servicearea_close.html"

    def get_initial(self):
        return {"version": self.area.version}

    def form_valid(self, form):
        area = ServiceArea.objects.select_related("programme", "parent").get(pk=self.area.pk)
        try:
            area_setup.area_close(
                area=area,
                opened_version=form.cleaned_data["version"],
                reason=form.cleaned_data["closed_reason"],
                rights=self.rights,
                by=self.request.user,
            )
        except StaleEdit as stale:
            data = form.data.copy()
            data["version"] = stale.current.version
            again = AreaCloseForm(data=data)
            again.is_valid()
            return self.render_to_response(
                self.get_context_data(form=again, conflict=conflict_summary(stale))
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Closed {area.name}. Its milestones and history are kept; reopen it from the "
            "closed list below if it starts again.",
        )
        return redirect(self.list_url())


class AreaReopenView(AreaMixin, View):
    def post(self, request, *args, **kwargs):
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = self.area.version
        try:
            area_setup.area_reopen(
                area=self.area, opened_version=version, rights=self.rights, by=request.user
            )
        except StaleEdit:
            messages.error(
                request,
                f"Someone changed {self.area.name} while you were looking: nothing was "
                "reopened. Check it below, then reopen it again.",
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Reopened {self.area.name}.")
        return redirect(self.list_url())


class ParticipationView(AreaMixin, TemplateView):
    """Which partner authorities commit to, are interested in or decline an area's work: a
    row per partner of the programme (and any other authority already recorded)."""

    template_name = "programmes/participation_form.html"

    def rows(self, data=None) -> list[ParticipationForm]:
        recorded = {
            stance.organisation_id: stance
            for stance in self.area.participations.select_related("organisation")
        }
        partners = list(self.programme.partners.all())
        others = [stance.organisation for stance in recorded.values()]
        organisations = {org.pk: org for org in [*partners, *others]}
        forms = []
        for organisation in sorted(organisations.values(), key=Organisation.display_name.fget):
            stance = recorded.get(organisation.pk) or Participation(
                service_area=self.area, organisation=organisation
            )
            forms.append(ParticipationForm(data, instance=stance, prefix=f"p{organisation.pk}"))
        return forms

    def get_context_data(self, **kwargs):
        forms = kwargs.setdefault("forms", self.rows())
        kwargs["has_errors"] = any(form.is_bound and form.errors for form in forms)
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        forms = self.rows(request.POST)
        if not all(form.is_valid() for form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        try:
            saved = self.save(forms)
        except StaleEdit as stale:
            stale_form = next(f for f in forms if f.instance.pk == stale.current.pk)
            index = forms.index(stale_form)
            forms[index] = ParticipationForm(
                stale_form.rebased_data(stale.current),
                instance=stale.current,
                prefix=stale_form.prefix,
            )
            forms[index].is_valid()
            return self.render_to_response(
                self.get_context_data(
                    forms=forms,
                    conflict=conflict_summary(stale),
                    conflict_about=stale.current.organisation.name,
                )
            )
        except ValidationError as error:
            return self.render_to_response(
                self.get_context_data(forms=forms, problems=error.messages)
            )
        if saved:
            messages.success(request, f"Saved the partners' participation in {self.area.name}.")
        else:
            messages.info(request, "Nothing was changed.")
        return redirect(self.list_url())

    @transaction.atomic
    def save(self, forms) -> int:
        """Save every row the user changed, or none (one refused undoes the others)."""
        saved = 0
        for form in forms:
            if form.instance.pk is None and not form.cleaned_data.get("status"):
                continue  # still not recorded
            changes = form.changes()
            if not changes:
                continue
            # The form has put the typing on its instance: the edit starts from the record saved.
            stance = form.instance
            if stance.pk is not None:
                stance = Participation.objects.select_related("service_area").get(pk=stance.pk)
            area_setup.participation_record(
                participation=stance,
                opened_version=form.cleaned_data.get("version"),
                changes=changes,
                rights=self.rights,
                by=self.request.user,
            )
            saved += 1
        return saved


class AreaPeopleView(AreaMixin, FormView):
    """Who is named on an area in which role (champion, lead chief executive, project
    manager, lead officer, sponsor): add one of the programme's people, or take one off."""

    form_class = RoleAddForm
    template_name = "programmes/servicearea_people.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.programme}

    def get_context_data(self, **kwargs):
        roles = self.area.roles.select_related("person__organisation")
        former = (
            ServiceAreaRole.history.filter(service_area_id=self.area.pk, history_type="-")
            .select_related("person", "history_user")
            .order_by("-history_date")
        )
        return super().get_context_data(roles=list(roles), former=list(former), **kwargs)

    def form_valid(self, form):
        person, role = form.cleaned_data["person"], form.cleaned_data["role"]
        try:
            named = area_setup.role_add(
                area=self.area, person=person, role=role, rights=self.rights, by=self.request.user
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request, f"Named {person.name} as {named.get_role_display().lower()}."
        )
        return redirect(self.request.path)


class RoleRemoveView(AreaMixin, View):
    def post(self, request, *args, **kwargs):
        role = get_object_or_404(
            ServiceAreaRole.objects.select_related("person", "service_area"),
            service_area=self.area,
            pk=kwargs["role"],
        )
        area_setup.role_remove(role=role, rights=self.rights, by=request.user)
        messages.success(
            request,
            f"Took {role.person.name} off {self.area.name} as {role.get_role_display().lower()}.",
        )
        return redirect(
            "programme-setup:area-people", programme=self.programme.slug, pk=self.area.pk
        )
