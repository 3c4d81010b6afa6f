"""Filters of a programme's list pages. Each filter set takes the programme (or, for the list
across programmes, the programmes the user may see) and offers only that programme's service
areas, stages, ratings and people, in the programme's own words. The milestone list's filters are
in ``milestones.filters``; these are the shared pieces and the registers' own."""

import django_filters as filters
from django import forms
from django.db.models import Q
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_filters import fields as filter_fields

from programmes.models import Action, Risk, ServiceArea
from programmes.models.ratings import RagRating
from programmes.rights import Rights

WHOLE_PROGRAMME = "Whole programme (no service area)"


class ProgrammeFilterSet(filters.FilterSet):
    """A filter set for one programme (``programme``) or several (``programmes``)."""

    def __init__(self, *args, programme=None, programmes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.programme_ids = [programme.pk] if programme is not None else list(programmes or [])

    def filter_nothing(self, queryset, name, value):
        return queryset

    @property
    def form(self):
        """The filter form, its choices read once (one query each, not a server-side cursor
        per rendering) and its drop-downs drawn by ``QuickSelect``."""
        if not hasattr(self, "_form"):
            form = super().form
            for field in form.fields.values():
                if isinstance(field, forms.ModelChoiceField):
                    forms.ChoiceField.choices.fset(field, read_choices(field))
                if type(field.widget) is forms.Select:
                    quick = QuickSelect(attrs=field.widget.attrs, choices=field.widget.choices)
                    quick.is_required = field.widget.is_required
                    field.widget = quick
        return self._form

    def page_fields(self):
        """The form's fields with Bootstrap's classes, as ``filter_form.html`` lays them out:
        the same markup as crispy-forms' Bootstrap 5 pack, without a template per field."""
        fields = []
        for field in self.form.visible_fields():
            widget = field.field.widget
            if isinstance(widget, forms.CheckboxInput):
                kind, bootstrap = "checkbox", "form-check-input"
            elif isinstance(widget, forms.Select):
                kind, bootstrap = "select", "form-select"
            else:
                kind, bootstrap = "input", "form-control"
            named = "select" if isinstance(widget, QuickSelect) else type(widget).__name__.lower()
            classes = f"{named} {bootstrap}{' is-invalid' if field.errors else ''}"
            widget.attrs["class"] = classes
            fields.append((field, kind))
        return fields

    def area_choices(self):
        areas = ServiceArea.objects.filter(programme__in=self.programme_ids).order_by(
            "programme__name", "order", "id"
        )
        if self.request is not None:  # the areas its user may see
            areas = Rights.of(self.request.user).scope(areas, area="pk")
        return areas.select_related("programme") if self.programme is None else areas

    def rag_choices(self):
        if self.programme is None:
            return RagRating.choices
        return [(r, self.programme.rag_label(r)) for r in self.programme.rag_ratings()]


def read_choices(field: forms.ModelChoiceField) -> list:
    """A model choice field's choices as a list, read in one ordinary query (iterating the
    field reads them through a server-side cursor, three round trips on PostgreSQL)."""
    leading = []
    if field.empty_label is not None:
        leading.append(("", field.empty_label))
    if getattr(field, "null_label", None) is not None:
        leading.append((field.null_value, field.null_label))
    iterator = field.iterator(field)
    return leading + [iterator.choice(obj) for obj in field.queryset]


class QuickSelect(forms.Select):
    """A drop-down drawn in one pass, the same HTML as Django's ``Select`` (which renders a
    template for every option: hundreds of people in an owner filter)."""

    def render(self, name, value, attrs=None, renderer=None):
        if any(isinstance(label, (list, tuple)) for _, label in self.choices):
            return super().render(name, value, attrs, renderer)  # option groups
        chosen = {str(v) for v in self.format_value(value)}
        attrs = self.build_attrs(self.attrs, attrs)
        options = format_html_join(
            "\n",
            '  <option value="{}"{}>{}</option>',
            (
                (key, mark_safe(" selected") if str(key) in chosen else "", label)
                for key, label in ((str(k), lbl) for k, lbl in self.choices)
            ),
        )
        return format_html(
            '<select name="{}"{}>\n{}\n</select>', name, forms.utils.flatatt(attrs), options
        )


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
    rating = filters.ChoiceFilter(
        label="Rating on the risk matrix",
        choices=RagRating.choices,
        empty_label="Any",
        method="filter_rating",
    )
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
        self.filters["rating"].extra["choices"] = self.rag_choices()

    def filter_open(self, queryset, name, value):
        return queryset.filter(is_open=value == "open")

    def filter_rating(self, queryset, name, value):
        """The risks the programme's risk matrix rates ``value`` (``Programme.risk_rating``),
        as the heat map and the overview's red risks rate them."""
        rated = [risk.pk for risk in queryset if self.programme.risk_rating(risk).rating == value]
        return queryset.filter(pk__in=rated)


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
