from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdmin

from .admin_base import (
    ReadOnlyInline,
    money_column,
    programme_form,
)
from .models import (
    Action,
    AgendaItem,
    BodyMembership,
    BudgetLine,
    GlossaryTerm,
    GovernanceBody,
    ImportRecord,
    Invitation,
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
    ValueTranslation,
)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")


@admin.register(Person)
class PersonAdmin(VersionedAdmin):
    list_display = ("name", "job_title", "organisation", "email", "telephone", "user")
    list_filter = ("organisation",)
    search_fields = ("name", "job_title", "email", "organisation__name")
    list_select_related = ("organisation", "user")
    autocomplete_fields = ("organisation",)


class StageInline(admin.TabularInline):
    model = StageDefinition
    extra = 0
    fields = ("order", "code", "name", "definition")


class GlossaryInline(ReadOnlyInline):
    model = GlossaryTerm
    fields = ("term", "meaning", "is_retired")


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


@admin.register(ValueTranslation)
class ValueTranslationAdmin(admin.ModelAdmin):
    """What a programme's imports read a council's words as: confirmed on an import's preview,
    where they are changed; readable here."""

    list_display = ("written", "field", "meaning", "programme")
    list_filter = ("programme", "field")
    search_fields = ("written",)
    list_select_related = ("programme",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations to sign in are a record of what was sent: readable, never edited."""

    list_display = ("person", "email", "programme", "sent_by", "sent_at", "accepted_at")
    list_filter = ("programme",)
    search_fields = ("person__name", "email")
    list_select_related = ("person", "programme", "sent_by")

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


class MembershipInline(ReadOnlyInline):
    model = BodyMembership
    fields = ("person", "role", "joined_on", "left_on")


class MeetingInline(ReadOnlyInline):
    model = Meeting
    fields = ("date", "title", "location", "is_cancelled")


@admin.register(GovernanceBody)
class GovernanceBodyAdmin(VersionedAdmin):
    form = programme_form(GovernanceBody, "terms_agreed")
    list_display = ("name", "acronym", "kind", "programme", "parent", "terms_agreed_text")
    list_display += ("closed_on",)
    list_filter = ("programme", "kind")
    search_fields = ("name", "acronym", "terms_of_reference")
    list_select_related = ("programme", "parent")
    autocomplete_fields = ("parent",)
    exclude = ("members",)
    inlines = [MembershipInline, MeetingInline]


@admin.register(BodyMembership)
class BodyMembershipAdmin(VersionedAdmin):
    list_display = ("person", "body", "role", "joined_on", "left_on")
    list_filter = ("body__programme",)
    search_fields = ("person__name", "body__name", "body__acronym", "role")
    list_select_related = ("person", "body")
    autocomplete_fields = ("person", "body")


class AgendaInline(ReadOnlyInline):
    """The agenda is changed with its meeting, on the meeting's page, so that the meeting's
    version covers it."""

    model = AgendaItem
    fields = ("order", "title", "presenter")
    show_change_link = False


@admin.register(Meeting)
class MeetingAdmin(VersionedAdmin):
    list_display = ("date", "body", "title", "location", "is_cancelled")
    list_filter = ("body__programme", "body", "is_cancelled")
    search_fields = ("title", "location", "body__name", "body__acronym")
    list_select_related = ("body",)
    date_hierarchy = "date"
    inlines = [AgendaInline]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(VersionedAdmin):
    list_display = ("term", "meaning", "programme", "is_retired")
    list_filter = ("programme", "is_retired")
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
