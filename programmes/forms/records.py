"""The common part of a programme's record's form: a risk, a savings line or an action (each
created or changed), and, without a service area, a governance body, a meeting or a term.

Every form takes the programme and the user's ``Rights``: the service areas offered are only
those the user may change (a champion's own areas; a manager's every area and the programme as
a whole), so a form can never save a record its user may not edit. Money is typed as people
write it ("£1,250,000", "1.25m"), financial years as "2009/10", dates as in reports ("end March
2010"); each is read into what it means (``core.form_fields``), and the form says how it
understood it."""

from datetime import date

from django.db.models import Q

from core import fuzzydates
from core.date_forms import FuzzyDateModelForm, describe_reading
from core.form_fields import FinancialYearField, MoneyField
from core.money import pounds
from programmes.filters import WHOLE_PROGRAMME


class ProgrammeRecordForm(FuzzyDateModelForm):
    """The form of one of a programme's records: it takes the programme and the user's
    ``Rights``, reads dates with the programme's quarters and labels them, offers the
    programme's RAG words, says how each date typed was read, and words a field's value for
    "what the other person changed"."""

    noun = "record"

    def __init__(self, *args, programme, rights, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.rights = rights
        if "rag" in self.fields:
            self.fields["rag"].choices = [("", "Not rated")] + [
                (rating, programme.rag_label(rating)) for rating in programme.rag_ratings()
            ]
        for name in self.fuzzy_dates:
            field = self.fields[f"{name}_text"]
            field.label = name.replace("_", " ").capitalize()
            field.help_text = (
                'As you would write it: "31/03/2010", "end March 2010", "Q1 2010", "2009/10".'
            )

    def quarters(self) -> str:
        return self.programme.quarters

    def readings(self) -> dict[str, str]:
        """How each date typed into the form was understood, for showing beside its field."""
        if not self.is_bound:
            return {
                f"{name}_text": describe_reading(getattr(self.instance, name))
                for name in self.fuzzy_dates
                if getattr(self.instance, f"{name}_text")
            }
        return {
            f"{name}_text": describe_reading(getattr(self.instance, name))
            for name in self.fuzzy_dates
            if f"{name}_text" in self.changed_data and f"{name}_text" not in self.errors
        }

    def current_value(self, record, name: str) -> str:
        """A field of ``record`` as the form's user would read it (for "what changed")."""
        if name.endswith("_text") and name.removesuffix("_text") in self.fuzzy_dates:
            return fuzzydates.format(getattr(record, name.removesuffix("_text"))) or "no date"
        value = getattr(record, name)
        field = self.fields.get(name)
        if name == "rag":
            return self.programme.rag_label(value) or "Not rated"
        if name in ("likelihood", "impact"):
            return self.programme.risk_level_label(value) or "Not assessed"
        if name == "service_area":
            return str(value) if value else WHOLE_PROGRAMME
        if isinstance(field, MoneyField):
            return pounds(value) or "no figure"
        if isinstance(field, FinancialYearField):
            return fuzzydates.financial_year_label(value) if value else "no year"
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, bool) or value is None:
            return {True: "Yes", False: "No", None: "not recorded"}[value]
        display = getattr(record, f"get_{name}_display", None)
        return str(display() if display else value) or "blank"


class RecordForm(ProgrammeRecordForm):
    """A programme's record (risk, savings line, action) that may belong to a service area.

    ``programme`` and ``rights`` are required: the service areas offered are those the user
    may change, and only a programme manager may leave the service area blank (a record for
    the programme as a whole)."""

    def __init__(self, *args, programme, rights, **kwargs):
        super().__init__(*args, programme=programme, rights=rights, **kwargs)
        if self.instance.pk is None:
            self.instance.programme = programme
        manager = rights.can_manage_programme(programme)
        # Closed areas take no new records; a record of one keeps its area when changed.
        areas = programme.service_areas.filter(
            Q(pk__in=programme.service_areas.open()) | Q(pk=self.instance.service_area_id)
        )
        if not manager:
            areas = areas.filter(pk__in=rights.named_areas)
        area = self.fields["service_area"]
        area.queryset = areas
        area.label = programme.service_area_label
        area.required = not manager
        area.empty_label = WHOLE_PROGRAMME if manager else None
        area.help_text = (
            "Leave as the whole programme unless it belongs to one of them."
            if manager
            else f"You can add and change these for the {programme.service_area_label.lower()}s "
            "you are named on."
        )
        area.error_messages["invalid_choice"] = (
            f"Choose one of the {programme.service_area_label.lower()}s you look after."
        )
