"""Filters of the milestone lists (of a programme, and across programmes): service area, stage,
status, RAG, owner, due between two dates written day first, only overdue, only slipped."""

from datetime import date

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from core.form_fields import DATE_HINT, UK_DATE_FORMATS, UKDateInput
from programmes.filters import AreaChoiceFilter, ProgrammeFilterSet
from programmes.forms.people import mark_searchable
from programmes.models import Person, Programme, StageDefinition
from programmes.models.ratings import RagRating

from .models import Milestone


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


class MilestoneFilter(ProgrammeFilterSet):
    programme = filters.ModelChoiceFilter(
        field_name="service_area__programme",
        label="Programme",
        empty_label="All programmes",
        queryset=None,
    )
    service_area = AreaChoiceFilter(label="Service area", empty_label="All", queryset=None)
    stage = filters.ModelChoiceFilter(
        label="Stage", empty_label="All", null_label="No stage", queryset=None
    )
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
    # Not in the form's fields: the meetings page links to the milestones reporting to one.
    reports_to = filters.NumberFilter(widget=forms.HiddenInput)

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
        self.filters["owner"].extra["widget"] = owner_picker = forms.Select()
        mark_searchable(owner_picker)
        # Exists, not a join: a probe of each person's milestones, not a scan of every one.
        owns = Milestone.objects.filter(
            owner=OuterRef("pk"), service_area__programme__in=self.programme_ids
        )
        self.filters["owner"].queryset = Person.objects.of_programmes(self.programme_ids).filter(
            Exists(owns)
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
