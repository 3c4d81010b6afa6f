"""Filters of the list pages. Each filter set takes the programme (or, for the list across
programmes, the programmes the user may see) and offers only that programme's service areas,
stages, ratings and people, in the programme's own words."""

from datetime import date

import django_filters as filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django_filters import fields as filter_fields

from milestones.models import Milestone
from programmes.models import Action, Person, Programme, Risk, ServiceArea, StageDefinition
from programmes.models.ratings import RagRating

# Dates are typed the UK way; ISO is accepted too (what a browser's date picker sends).
UK_DATE_FORMATS = [*settings.DATE_INPUT_FORMATS, "%Y-%m-%d"]
DATE_HINT = "For example, 31/03/2010."
WHOLE_PROGRAMME = "Whole programme (no service area)"


class UKDateInput(forms.TextInput):
    """A plain text box for a date written day first; no browser date picker, which reads
    and writes dates the American way in some browsers."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return super().format_value(value)


def uk_date_filter(label: str) -> filters.DateFilter:
    return filters.DateFilter(
        label=label,
        method="filter_nothing",
        input_formats=UK_DATE_FORMATS,
        widget=UKDateInput,
        help_text=DATE_HINT,
        error_messages={"invalid": "Enter a real date, day first, like 31/03/2010."},
    )


class TickFilter(filters.Filter):
    """A tick box: ticked keeps only the rows that are so; unticked keeps everything."""

    field_class = forms.BooleanField


def yes_only_filter(label: str, method: str) -> TickFilter:
    return TickFilter(label=label, method=method, widget=forms.CheckboxInput)


class DueBetweenForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("due_from"), cleaned.get("due_to")
        if first and last and first > last:
            self.add_error("due_to", "The second date must be on or after the first.")
        return cleaned


class ProgrammeFilterSet(filters.FilterSet):
    """A filter set for one programme (``programme``) or several (``programmes``)."""

    def __init__(self, *args, programme=None, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.programme_ids = [programme.pk] if programme is not None else list(programmes or [])

    def filter_nothing(self, queryset, name, value):
        return queryset

    def area_choices(self):
        areas = ServiceArea.objects.filter(programme__in=self.programme_ids).order_by(
            "programme__name", "order", "id"
        )
        return areas.select_related("programme") if self.programme is None else areas

    def rag_choices(self):
        if self.programme is None:
            return RagRating.choices
        return [(r, self.programme.rag_label(r)) for r in self.programme.rag_ratings()]


class AreaChoiceField(filter_fields.ModelChoiceField):
    """Service areas by their number and name, with the programme's name in front when the list
    spans programmes (``with_programme``)."""

    def __init__(self, *args, with_programme=False, **kwargs):
        self.with_programme = with_programme
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        if self.with_programme:
            return f"{obj.programme.short_name or obj.programme.name}: {obj}"
        return str(obj)


class AreaChoiceFilter(filters.ModelChoiceFilter):
    field_class = AreaChoiceField


class MilestoneFilter(ProgrammeFilterSet):
    programme = filters.ModelChoiceFilter(
        field_name="service_area__programme",
        label="Programme",
        empty_label="All programmes",
        queryset=None,
    )
    service_area = AreaChoiceFilter(label="Service area", empty_label="All", queryset=None)
    stage = filters.ModelChoiceFilter(label="Stage", empty_label="All", queryset=None)
    status = filters.ChoiceFilter(
        label="Status", choices=Milestone.Status.choices, empty_label="Any"
    )
    rag = filters.ChoiceFilter(label="RAG status", choices=RagRating.choices, empty_label="Any")
    owner = filters.ModelChoiceFilter(label="Owner", empty_label="Anyone", queryset=None)
    due_from = uk_date_filter("Due on or after")
    due_to = uk_date_filter("Due on or before")
    # Still "overdue" in the address, so that links made before keep working.
    overdue = yes_only_filter("Only late", "filter_overdue")
    slipped = yes_only_filter("Only slipped", "filter_slipped")

    class Meta:
        model = Milestone
        fields = ()
        form = DueBetweenForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.programme is None:
            self.filters["programme"].queryset = Programme.objects.filter(pk__in=self.programme_ids)
            self.filters["service_area"].extra["with_programme"] = True
        else:
            del self.filters["programme"]
            self.filters["service_area"].label = self.programme.service_area_label
        self.filters["service_area"].queryset = self.area_choices()
        stages = StageDefinition.objects.filter(programme__in=self.programme_ids)
        self.filters["stage"].queryset = stages.order_by("programme__name", "order", "id")
        self.filters["rag"].extra["choices"] = self.rag_choices()
        # The programme's people who own one of its milestones.
        self.filters["owner"].queryset = (
            Person.objects.of_programmes(self.programme_ids)
            .filter(milestones__service_area__programme__in=self.programme_ids)
            .distinct()
        )

    def filter_overdue(self, queryset, name, value):
        return queryset.late(timezone.localdate()) if value else queryset

    def filter_slipped(self, queryset, name, value):
        return queryset.slipped() if value else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        first = self.form.cleaned_data.get("due_from")
        last = self.form.cleaned_data.get("due_to")
        if first or last:
            queryset = queryset.due_between(first or date.min, last or date.max)
        return queryset


class RecordFilter(ProgrammeFilterSet):
    """Risks and actions: by service area (or the programme as a whole)."""

    service_area = AreaChoiceFilter(
        label="Service area",
        empty_label="All",
        null_label=WHOLE_PROGRAMME,
        queryset=None,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["service_area"].queryset = self.area_choices()
        self.filters["service_area"].label = self.programme.service_area_label


class RiskFilter(RecordFilter):
    rag = filters.ChoiceFilter(label="RAG status", choices=RagRating.choices, empty_label="Any")
    open = filters.ChoiceFilter(
        label="Open or closed",
        choices=[("open", "Open"), ("closed", "Closed")],
        empty_label="Open and closed",
        method="filter_open",
    )

    class Meta:
        model = Risk
        fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["rag"].extra["choices"] = self.rag_choices()

    def filter_open(self, queryset, name, value):
        return queryset.filter(is_open=value == "open")


class ActionFilter(RecordFilter):
    kind = filters.ChoiceFilter(label="Kind", choices=Action.Kind.choices, empty_label="Any")
    status = filters.ChoiceFilter(label="Status", choices=Action.Status.choices, empty_label="Any")
    owner = filters.CharFilter(
        label="Owner",
        method="filter_owner",
        help_text="Any part of the name or role, e.g. “Service Director”.",
    )

    class Meta:
        model = Action
        fields = ()

    def filter_owner(self, queryset, name, value):
        words = value.split()
        condition = Q()
        for word in words:
            condition &= Q(owner__icontains=word)
        return queryset.filter(condition)
