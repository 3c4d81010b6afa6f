"""The admin of a versioned record saves like the officers' forms: through ``core.records``,
with the version the admin's form was opened at. A change saved meanwhile by someone else is
never overwritten (the form comes back with this user's changes, the other fields as they are
now, and what the other person changed), and every admin save bumps the version and records
history with who made it, so an officer's open form sees it in turn."""

from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from .edit_forms import VersionedEditForm
from .records import record_create, record_edit
from .versioning import StaleEdit, conflict_summary, stale_edit


def user_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "Someone"


class VersionedAdminForm(VersionedEditForm):
    """Refuses, before anything is saved, an edit opened at a version someone has saved since."""

    def clean(self):
        cleaned = super().clean()
        opened = cleaned.get("version")
        if self.instance.pk is not None and opened is not None and opened != self.instance.version:
            stale = stale_edit(type(self.instance), self.instance.pk, opened)
            summary = conflict_summary(stale)
            self.data = self.rebased_data(stale.current)
            changed = ", ".join(str(change["label"]) for change in summary["changed"])
            raise ValidationError(
                f"{user_name(summary['by'])} saved this {self._meta.model._meta.verbose_name} "
                f"while you were editing it{f' (they changed: {changed})' if changed else ''}. "
                "Nothing has been saved. What you changed is still in the form; the other fields "
                "now show what they saved. Check, then save again: only the fields you changed "
                "will be saved.",
                code="stale",
            )
        return cleaned


class VersionedAdmin(SimpleHistoryAdmin):
    """For the admin of every model with a ``version``."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self.form = type(self.form.__name__, (VersionedAdminForm, self.form), {})

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if "version" in flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": (*options["fields"], "version")}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # ``version`` is the form's own (hidden) field: the model's is not editable, and naming
        # it among a model form's fields is refused.
        if "fields" in kwargs:
            fields = kwargs["fields"]
        else:
            fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        if fields is not None:
            kwargs["fields"] = [name for name in fields if name != "version"]
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            self.save_edit(request, obj, form)
        else:
            record_create(record=obj, by=request.user)

    def save_edit(self, request, obj, form) -> None:
        record_edit(
            record=type(obj).objects.get(pk=obj.pk),
            opened_version=form.cleaned_data["version"],
            changes=form.changes(),
            by=request.user,
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit as stale:
            # Saved by someone else between the form's check and this save: nothing was saved.
            self.message_user(
                request,
                f"{stale.current} was saved by someone else at the same moment, so nothing of "
                "yours was saved. Here it is as it is now: make your changes again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def revert_disabled(self, request, obj=None):
        # Reverting from the history page would save an old version over the current one
        # without the version check (or, for a milestone, a reason for moving its dates): old
        # values are copied into the change form instead.
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Old versions are read here; change the record itself.")
        return super().history_form_view(request, object_id, version_id, extra_context)
