"""Adding and changing a programme's records (risks, savings lines, actions): the views each
register's "Add" and "Change" pages are made of.

Every change goes through ``core.records`` and is allowed by ``Rights.can_edit_record`` in the
view as well as by the form's choices, so a crafted POST for another service area gets 403 and
changes nothing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from core import records
from core.audit import AUDIT_LENGTH, audit_trail
from core.edit_forms import show_refusal
from core.versioning import StaleEdit, conflict_summary
from programmes.models import ServiceArea

from .mixins import RegisterMixin


class RecordCreateView(RegisterMixin, FormView):
    """Add a record to a register. Only those who may add (``may_add``) see the form; the
    service area posted must be one the user may change, or the answer is 403."""

    template_name = "programmes/record_form.html"
    model: type = None
    list_url_name = ""
    noun = ""
    a_noun = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed():
            raise PermissionDenied(f"You cannot add or change this programme's {self.noun}s.")
        return super().dispatch(request, *args, **kwargs)

    def allowed(self) -> bool:
        return self.may_add

    def post(self, request, *args, **kwargs):
        self.refuse_other_areas()
        return super().post(request, *args, **kwargs)

    def refuse_other_areas(self) -> None:
        """403 when the posted service area is one the user may not change (or is not in this
        programme). Words that are not an id are left to the form to refuse politely."""
        raw = self.request.POST.get("service_area", "").strip()
        if raw and not raw.isdigit():
            return
        area_id = int(raw) if raw else None
        if (
            area_id is not None
            and not ServiceArea.objects.filter(pk=area_id, programme=self.programme).exists()
        ):
            raise PermissionDenied("That service area is not part of this programme.")
        probe = self.model(programme=self.programme, service_area_id=area_id)
        if not self.rights.can_edit_record(probe):
            raise PermissionDenied(
                f"You can only add or change {self.noun}s of the service areas you are named on."
            )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.programme, "rights": self.rights}

    def get_initial(self):
        # "Add a risk" on a service-area page starts with that area chosen; the form's choices
        # still decide what may be picked.
        initial = super().get_initial()
        if area := self.request.GET.get("service_area"):
            initial["service_area"] = area
        return initial

    def list_url(self) -> str:
        return reverse(self.list_url_name, kwargs={"programme": self.programme.slug})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Add {self.a_noun}",
            noun=self.noun,
            list_url=self.list_url(),
            list_title=self.page_title,
            **kwargs,
        )

    def form_valid(self, form):
        if "check" in self.request.POST:  # "Check dates": show the readings, save nothing
            return self.render_to_response(self.get_context_data(form=form, checked=True))
        try:
            record = self.save(form)
        except ValidationError as error:
            return self.refused(form, error)
        if record is None:
            messages.info(self.request, "Nothing was changed.")
        else:
            messages.success(self.request, self.saved_message(record))
            if warning := getattr(form, "warning", ""):  # saved, but worth a second look
                messages.warning(self.request, warning)
        return redirect(self.list_url())

    def save(self, form):
        return self.create(record=form.instance, by=self.request.user)

    def create(self, **kwargs):
        """The write itself (a register's records: ``core.records.record_create``)."""
        return records.record_create(**kwargs)

    def describe(self, record) -> str:
        return f"the {self.noun} “{record}”"

    def saved_message(self, record) -> str:
        return f"Added {self.describe(record)}."

    def refused(self, form, error: ValidationError):
        """Rules the service enforces (the model's checks) shown next to the fields."""
        show_refusal(form, error)
        return self.form_invalid(form)


class RecordEditView(RecordCreateView):
    """Change a record. The form carries the version it was opened at; if someone saved in
    between, nothing is saved and the form comes back with what this user typed and what the
    other person changed."""

    def allowed(self) -> bool:
        return self.rights.can_edit_record(self.object)

    @cached_property
    def object(self):
        return get_object_or_404(
            self.model.objects.select_related("service_area"),
            programme=self.programme,
            pk=self.kwargs["pk"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except StaleEdit as stale:  # only an edit can find someone else saved first
            return self.conflict(form, stale)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Change {self.describe(self.object)}"
        context["object"] = self.object
        history = self.object.history.select_related("history_user")[: AUDIT_LENGTH + 1]
        context["audit"] = audit_trail(list(history))
        return context

    def save(self, form):
        changes = form.changes()
        if not changes:
            return None
        fresh = self.model.objects.get(pk=self.object.pk)
        before = fresh.version
        self.edit(
            record=fresh,
            opened_version=form.cleaned_data["version"],
            changes=changes,
            by=self.request.user,
        )
        return fresh if fresh.version != before else None  # None: nothing actually changed

    def edit(self, **kwargs):
        """The write itself (a register's records: ``core.records.record_edit``)."""
        return records.record_edit(**kwargs)

    def saved_message(self, record) -> str:
        return f"Saved {self.describe(record)}."

    def conflict(self, form, stale: StaleEdit):
        current = stale.current

        def show(name):
            return (
                form.current_value(current, name) if name in form.fields else getattr(current, name)
            )

        conflict = conflict_summary(stale, show=show)  # before the form copies the typing on
        refreshed = self.get_form_class()(
            data=form.rebased_data(current),
            instance=current,
            programme=self.programme,
            rights=self.rights,
        )
        refreshed.is_valid()
        return self.render_to_response(
            self.get_context_data(
                form=refreshed,
                conflict=conflict,
            )
        )
