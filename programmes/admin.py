from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.date_forms import FuzzyDateModelForm
from core.money import pounds
from core.versioned_admin import VersionedAdmin

from .forms.people import offer_programme_people
from .models import (
    Action,
    BodyMembership,
    BudgetLine,
    GlossaryTerm,
    GovernanceBody,
    ImportRecord,
    Lesson,
    Meeting,
    Objective,
    Organisation,
    Participation,
    Person,
    Programme,
    ProgrammeAccess,
    Risk,
    SavingsLine,
    SavingsReallocation,
    ServiceArea,
    ServiceAreaRole,
    StageDefinition,
)


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


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "job_title", "organisation", "email", "telephone", "user")
    list_filter = ("organisation",)
    search_fields = ("name", "job_title", "email", "organisation__name")
    list_select_related = ("organisation", "user")
    autocomplete_fields = ("organisation",)


class StageInline(admin.TabularInline):
    model = StageDefinition
    extra = 0
    fields = ("order", "code", "name", "definition")


class GlossaryInline(admin.TabularInline):
    model = GlossaryTerm
    extra = 0


class AccessInline(admin.TabularInline):
    model = ProgrammeAccess
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(ProgrammeAccess)
class ProgrammeAccessAdmin(SimpleHistoryAdmin):
    list_display = ("user", "role", "programme")
    list_filter = ("role", "programme")
    search_fields = ("user__username", "user__email", "programme__name")
    list_select_related = ("user", "programme")
    autocomplete_fields = ("user",)


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Imports are a record of what happened: readable, never edited."""

    list_display = ("file_name", "kind", "programme", "imported_by", "imported_at")
    list_display += ("created", "updated", "unchanged")
    list_filter = ("programme", "kind")
    search_fields = ("file_name", "sha256")
    list_select_related = ("programme", "imported_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Programme)
class ProgrammeAdmin(VersionedAdmin):
    form = programme_form(Programme, "started")
    list_display = ("name", "short_name", "slug", "status", "lead_organisation", "rag_scale")
    list_filter = ("status", "rag_scale", "risk_scale", "quarters")
    search_fields = ("name", "short_name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("partners", "other_people")
    autocomplete_fields = ("lead_organisation",)
    inlines = [AccessInline, StageInline, GlossaryInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "name",
                    "short_name",
                    "slug",
                    "status",
                    "description",
                    "lead_organisation",
                    "partners",
                    "other_people",
                    "started_text",
                    "keep_as_words",
                )
            },
        ),
        (
            "Settings",
            {
                "fields": (
                    "service_area_label",
                    "stage_label",
                    "rag_scale",
                    "rag_labels",
                    "risk_scale",
                    "risk_matrix",
                    "quarters",
                    "reporting_rhythm",
                )
            },
        ),
    )


class RoleInline(admin.TabularInline):
    model = ServiceAreaRole
    extra = 0
    autocomplete_fields = ("person",)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(ServiceArea)
class ServiceAreaAdmin(VersionedAdmin):
    list_display = ("__str__", "programme", "parent", "rag", "progress_rating", "order")
    list_display += ("closed_on",)
    list_filter = ("programme", "rag", "progress_rating", "closed_on")
    search_fields = ("name", "number", "scope", "programme__name")
    list_select_related = ("programme", "parent")
    autocomplete_fields = ("parent",)
    inlines = [RoleInline, ParticipationInline]


@admin.register(Participation)
class ParticipationAdmin(VersionedAdmin):
    list_display = ("organisation", "status", "service_area")
    list_filter = ("service_area__programme", "status")
    search_fields = ("organisation__name", "service_area__name", "note")
    list_select_related = ("organisation", "service_area")
    autocomplete_fields = ("organisation", "service_area")


class MembershipInline(admin.TabularInline):
    model = BodyMembership
    extra = 0
    autocomplete_fields = ("person",)


class MeetingInline(admin.TabularInline):
    model = Meeting
    extra = 0
    fields = ("date", "title", "location")


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(admin.ModelAdmin):
    form = programme_form(GovernanceBody, "terms_agreed")
    list_display = ("name", "acronym", "kind", "programme", "parent", "terms_agreed_text")
    list_filter = ("programme", "kind")
    search_fields = ("name", "acronym", "terms_of_reference")
    list_select_related = ("programme", "parent")
    autocomplete_fields = ("parent",)
    exclude = ("members",)
    inlines = [MembershipInline, MeetingInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("date", "body", "title", "location")
    list_filter = ("body__programme", "body")
    search_fields = ("title", "location", "body__name", "body__acronym")
    list_select_related = ("body",)
    date_hierarchy = "date"


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ("term", "meaning", "programme")
    list_filter = ("programme",)
    search_fields = ("term", "meaning")


@admin.register(StageDefinition)
class StageDefinitionAdmin(VersionedAdmin):
    list_display = ("code", "name", "programme", "order")
    list_filter = ("programme",)
    search_fields = ("code", "name", "definition")


@admin.register(SavingsLine)
class SavingsLineAdmin(VersionedAdmin):
    list_display = (
        "programme",
        "service_area",
        "financial_year_label",
        "kind",
        "recurrence",
        money_column("target", "target"),
        money_column("forecast", "forecast"),
        money_column("achieved", "achieved"),
        money_column("shortfall", "shortfall", sortable=False),
    )
    list_filter = ("programme", "kind", "recurrence", "financial_year")
    search_fields = ("note", "service_area__name")
    list_select_related = ("programme", "service_area")
    autocomplete_fields = ("service_area",)


@admin.register(SavingsReallocation)
class SavingsReallocationAdmin(admin.ModelAdmin):
    list_display = (
        "allocated_to",
        "permanence",
        money_column("amount", "amount"),
        "financial_year_label",
        "programme",
    )
    list_filter = ("programme", "permanence")
    search_fields = ("allocated_to", "note")
    list_select_related = ("programme",)


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    list_display = (
        "title",
        "parent",
        "programme",
        "service_area",
        money_column("allocation", "allocation"),
        money_column("estimated_cost", "estimated cost"),
        money_column("spent", "spent"),
        money_column("estimated_savings", "estimated savings"),
        "estimated_savings_note",
    )
    list_filter = ("programme",)
    search_fields = ("title", "detail")
    list_select_related = ("programme", "service_area", "parent")
    autocomplete_fields = ("service_area", "parent")


@admin.register(Risk)
class RiskAdmin(VersionedAdmin):
    list_display = (
        "title",
        "programme",
        "service_area",
        "likelihood",
        "impact",
        "rag",
        "lead_officer",
        "is_open",
    )
    list_filter = ("programme", "rag", "is_open", "likelihood", "impact")
    search_fields = ("title", "description", "lead_officer", "moderating_factors")
    list_select_related = ("programme", "service_area")
    autocomplete_fields = ("service_area",)


@admin.register(Action)
class ActionAdmin(VersionedAdmin):
    form = programme_form(Action, "start", "due")
    list_display = ("__str__", "kind", "owner", "due_text", "status", "programme", "service_area")
    list_filter = ("programme", "kind", "status", "resources_approved")
    search_fields = ("title", "owner", "note", "measure", "target")
    list_select_related = ("programme", "service_area")
    autocomplete_fields = ("service_area",)


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("__str__", "phase", "kind", "programme", "service_area")
    list_filter = ("programme", "phase", "kind")
    search_fields = ("text",)
    list_select_related = ("programme", "service_area")


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ("__str__", "programme", "order")
    list_filter = ("programme",)
    search_fields = ("objective", "achievement")
