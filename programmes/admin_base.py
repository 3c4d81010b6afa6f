"""What every app's admin shares: forms whose fuzzy dates read with the programme's quarters,
person pickers limited to the programme's people, money columns, and read-only inlines of
versioned records (each is changed on its own page, through its version check)."""

from django.contrib import admin

from core.date_forms import FuzzyDateModelForm
from core.money import pounds

from .forms.people import offer_programme_people


def programme_form(model, *dates):
    """An admin form for a model with fuzzy dates, read with its programme's quarters."""

    class Form(FuzzyDateModelForm):
        fuzzy_dates = dates

        class Meta:
            fields = "__all__"

        def quarters(self):
            programme = self.cleaned_data.get("programme") or getattr(
                self.instance, "programme", None
            )
            return programme.quarters if programme else "calendar"

    Form.Meta.model = model
    return Form


def offer_people_in_admin(form, model, record, rows=()) -> None:
    """The person pickers of an admin form for ``model`` offer only the people of ``record``'s
    programme (``record``: the record itself, or the one an inline's rows belong to), keeping
    those ``rows`` name now. Adding a record, whose programme is not known yet, they offer
    nobody until it is saved."""
    programme_id = record.people_programme_id() if record is not None else None
    for name in model.programme_people_fields:
        if name not in form.base_fields:
            continue
        attname = model._meta.get_field(name).attname
        field = form.base_fields[name]
        offer_programme_people(field, programme_id, keep=[getattr(row, attname) for row in rows])
        if programme_id is None:
            field.help_text = "Save first: then choose from the programme's people."


class ProgrammePeopleAdmin:
    """A model admin whose person fields offer only the record's programme's people."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        offer_people_in_admin(form, self.model, obj, rows=[obj] if obj is not None else [])
        return form


class ProgrammePeopleInline:
    """An inline whose person fields offer only the people of its parent record's programme."""

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        rows = self.model._default_manager.filter(**{formset.fk.name: obj}) if obj else []
        offer_people_in_admin(formset.form, self.model, obj, rows=rows)
        return formset


def money_column(field: str, label: str, *, sortable: bool = True):
    """A list column showing an amount as pounds ("£13,182,000")."""

    @admin.display(description=label, ordering=field if sortable else None)
    def column(obj):
        return pounds(getattr(obj, field))

    column.__name__ = f"{field}_pounds"
    return column


class ReadOnlyInline(admin.TabularInline):
    """Rows of a versioned record shown in its parent's admin page for reading: each is changed
    on its own admin page (or the officers' pages), through its version check."""

    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
