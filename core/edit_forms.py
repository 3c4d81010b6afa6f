"""The edit form of a versioned record (milestone, service area, risk, savings line, action,
cover sheet), shared by the officers' pages and the admin.

The form carries the version it was opened at. What the user changed is what differs from the
record *as it was at that version* (read from its history), never from the record as it is
now: a field this user did not touch is never written back over someone else's newer value.
When someone saved first (``StaleEdit``), ``rebased_data`` gives the form to show again: this
user's changes as typed, every other field as it is now, and the new version, so that saving
again applies this user's changes and nothing else."""

from django import forms
from django.forms.models import model_to_dict

from .records import plain_text
from .versioning import opened_state


def plain_text_data(data):
    """Posted data with every text's line endings as stored (see ``records.plain_text``)."""
    if hasattr(data, "lists"):  # a QueryDict
        plain = data.copy()
        for key, values in data.lists():
            plain.setlist(key, [plain_text(value) for value in values])
        return plain
    return {key: plain_text(value) for key, value in data.items()}


class VersionedEditForm(forms.Form):
    """Mix into a ``ModelForm`` of a versioned record, before the model form."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = plain_text_data(self.data)
        self.fields["version"].initial = self.instance.version
        # A record being added has no version to be stale against.
        self.fields["version"].required = self.instance.pk is not None
        opened = self.opened_record()
        if opened is not None:
            self.initial.update(model_to_dict(opened, fields=self.model_field_names()))

    def model_field_names(self) -> list[str]:
        concrete = {field.name for field in self._meta.model._meta.concrete_fields}
        return [name for name in self.fields if name in concrete and name != "version"]

    def opened_version(self) -> int | None:
        try:
            return int(self.data.get(self.add_prefix("version")))
        except (TypeError, ValueError):
            return None

    def opened_record(self):
        """The record as this form was opened, when it has been saved since."""
        version = self.opened_version()
        if (
            not self.is_bound
            or self.instance.pk is None
            or version in (None, self.instance.version)
        ):
            return None
        return opened_state(type(self.instance), self.instance.pk, version)

    def changes(self) -> dict:
        """The model fields the user changed → their new values, for ``record_edit``: a fuzzy
        date (``<name>_text``) as its FuzzyDate, never as its four columns."""
        fuzzy_dates = getattr(self, "fuzzy_dates", ())
        fields = self.model_field_names()
        changes = {}
        for name in self.changed_data:
            date_name = name.removesuffix("_text")
            if date_name in fuzzy_dates:
                changes[date_name] = getattr(self.instance, date_name)
            elif name in fields and name in self.cleaned_data:  # not a field that failed
                changes[name] = self.cleaned_data[name]
        return changes

    def rebased_data(self, current):
        """The form's data to show again once someone else has saved ``current``: the fields
        this user changed as they typed them, every other field as it is now, and the version
        now."""
        now = model_to_dict(current, fields=self.model_field_names())
        mine = set(self.changed_data)
        data = self.data.copy()
        for name, value in now.items():
            if name not in mine:
                data[self.add_prefix(name)] = self.fields[name].prepare_value(value)
        data[self.add_prefix("version")] = current.version
        return data


def show_refusal(form, error) -> None:
    """Show a rule the service refused (a ``ValidationError`` from the model's checks) next to
    the field it is about: a fuzzy date's words field for the date, the whole form for a rule
    about no one field."""
    for name, problems in error.message_dict.items():
        target = f"{name}_text" if f"{name}_text" in form.fields else name
        for problem in problems:
            form.add_error(target if target in form.fields else None, problem)
