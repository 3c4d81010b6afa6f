"""Starting a programme, and its settings page and risk matrix (its managers'). Who may is
``programmes.rights``; the services in ``programmes.programme_setup`` ask again and save."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.audit import AUDIT_LENGTH, audit_trail
from core.versioning import StaleEdit, conflict_summary
from programmes.forms.programme_setup import (
    CopySettingsForm,
    ProgrammeForm,
    ProgrammeStartForm,
    RiskMatrixForm,
)
from programmes.models import Programme
from programmes.programme_setup import (
    programme_settings_save,
    programme_start,
    settings_of,
)
from programmes.rights import Rights

from .mixins import ManagerRequiredMixin


def show_refusal(form, error: ValidationError) -> None:
    """The service's refusal beside the fields it is about (or above the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, problems in error.message_dict.items():
        for problem in problems:
            form.add_error(name if name in form.fields else None, problem)


class ProgrammeStartView(LoginRequiredMixin, FormView):
    """Start a programme: its name, organisations and settings, perhaps from another's."""

    form_class = ProgrammeStartForm
    template_name = "programmes/programme_form.html"

    @cached_property
    def rights(self) -> Rights:
        return Rights.of(self.request.user)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.rights.can_start_programme():
            raise PermissionDenied(
                "Only administrators and programme managers can start a programme: ask your "
                "programme office."
            )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def visible(self):
        return self.rights.visible_programmes().order_by("name")

    @cached_property
    def copy_from(self) -> Programme | None:
        """The programme whose settings this one starts from: chosen above the form (the
        page is opened again with ``?copy=``), then carried in the form."""
        slug = self.request.POST.get("copy_from") or self.request.GET.get("copy")
        if not slug:
            return None
        return self.visible.filter(slug=slug).first()

    def post(self, request, *args, **kwargs):
        if request.POST.get("copy_from") and self.copy_from is None:
            raise PermissionDenied("You can copy only the settings of a programme you can see.")
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "visible_programmes": self.visible}

    def get_initial(self):
        initial = super().get_initial()
        if self.copy_from is not None:
            initial.update(settings_of(self.copy_from))
            initial["copy_from"] = self.copy_from.slug
        return initial

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.copy_from is not None and not form.is_bound:
            for rating, word in self.copy_from.rag_labels.items():
                form.initial[f"rag_word_{rating}"] = word
        return form

    def get_context_data(self, **kwargs):
        source = self.copy_from
        copy_form = CopySettingsForm(
            initial={"copy": source.slug if source else None}, visible_programmes=self.visible
        )
        return super().get_context_data(
            heading="Start a programme",
            copy_form=copy_form,
            source=source,
            stages=list(source.stages.all()) if source else [],
            glossary_count=source.glossary.count() if source else 0,
            **kwargs,
        )

    def form_valid(self, form):
        if form.cleaned_data.get("copy_from") != self.copy_from:
            raise PermissionDenied("You can copy only the settings of a programme you can see.")
        try:
            programme = programme_start(
                programme=form.instance,
                rights=self.rights,
                by=self.request.user,
                partners=form.cleaned_data["partners"],
                new_lead=form.cleaned_data["new_lead"],
                new_partners=form.new_partner_names(),
                copy_from=self.copy_from,
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        copied = f" with the settings of {self.copy_from.name}" if self.copy_from else ""
        messages.success(
            self.request,
            f"Started {programme.name}{copied}. You are its programme manager. Next: add its "
            f"{programme.service_area_label.lower()}s.",
        )
        return redirect("programme-setup:areas", programme=programme.slug)


class ProgrammeSettingsView(ManagerRequiredMixin, FormView):
    """A programme's name, organisations and settings, for its managers; saved as an edit of
    the version opened, with the audit history below."""

    form_class = ProgrammeForm
    template_name = "programmes/programme_form.html"

    def get_form_kwargs(self):
        # A copy: the form puts what was typed on its instance, and the page's heading and
        # tabs must still name the programme as saved.
        instance = Programme.objects.get(pk=self.programme.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        history = self.programme.history.select_related("history_user")[: AUDIT_LENGTH + 1]
        return super().get_context_data(
            heading=f"Settings of {self.programme.name}",
            audit=audit_trail(list(history)),
            stages=list(self.programme.stages.all()),
            **kwargs,
        )

    def form_valid(self, form):
        fresh = Programme.objects.get(pk=self.programme.pk)
        try:
            saved = programme_settings_save(
                programme=fresh,
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                rights=self.rights,
                by=self.request.user,
                partners=form.cleaned_data["partners"],
                new_lead=form.cleaned_data["new_lead"],
                new_partners=form.new_partner_names(),
            )
        except StaleEdit as stale:
            return self.conflict(form, stale)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        if saved.changed:
            messages.success(self.request, f"Saved the settings of {fresh.name}.")
        else:
            messages.info(self.request, "Nothing was changed.")
        for note in saved.notes:
            messages.warning(self.request, note)
        return redirect("programme-setup:settings", programme=fresh.slug)

    def conflict(self, form, stale: StaleEdit):
        conflict = conflict_summary(stale)  # before the form copies this user's typing on
        refreshed = ProgrammeForm(data=form.rebased_data(stale.current), instance=stale.current)
        refreshed.is_valid()
        return self.render_to_response(self.get_context_data(form=refreshed, conflict=conflict))


class RiskMatrixView(ManagerRequiredMixin, FormView):
    """The programme's own risk matrix: which likelihood-by-impact combinations are red,
    amber or green on its heat map, register and reports."""

    form_class = RiskMatrixForm
    template_name = "programmes/risk_matrix_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.programme}

    def form_valid(self, form):
        fresh = Programme.objects.get(pk=self.programme.pk)
        try:
            saved = programme_settings_save(
                programme=fresh,
                opened_version=form.cleaned_data["version"],
                # "Back to the standard matrix" is a button of its own.
                changes={"risk_matrix": [] if "standard" in self.request.POST else form.matrix()},
                rights=self.rights,
                by=self.request.user,
            )
        except StaleEdit as stale:
            # Only the matrix is on this page: the user's grid stands, at the version now.
            data = form.data.copy()
            data["version"] = stale.current.version
            again = RiskMatrixForm(data=data, programme=stale.current)
            again.is_valid()
            return self.render_to_response(
                self.get_context_data(form=again, conflict=conflict_summary(stale))
            )
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        if saved.changed:
            messages.success(self.request, "Saved the risk matrix.")
        else:
            messages.info(self.request, "Nothing was changed.")
        return redirect("programme-setup:settings", programme=fresh.slug)
