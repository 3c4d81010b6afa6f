from django.contrib import admin

from core.versioned_admin import VersionedAdmin
from programmes.admin_base import ProgrammePeopleAdmin

from . import services
from .forms import MilestoneAdminForm
from .models import AreaUpdate, DateChange, Milestone, ProgressUpdate, ReportingPeriod, UpdateStep


class DateChangeInline(admin.TabularInline):
    model = DateChange
    extra = 0
    can_delete = False
    fields = ("field", "old_text", "new_text", "direction", "reason", "changed_by", "changed_at")
    readonly_fields = fields
    verbose_name_plural = "date history (moves are recorded by changing the dates above)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Milestone)
class MilestoneAdmin(ProgrammePeopleAdmin, VersionedAdmin):
    form = MilestoneAdminForm
    list_display = (
        "title",
        "service_area",
        "stage",
        "planned_start_text",
        "planned_completion_text",
        "status",
        "rag",
        "owner",
    )
    list_filter = ("service_area__programme", "status", "rag", "stage__code")
    search_fields = ("title", "comment", "service_area__name", "owner__name")
    list_select_related = ("service_area", "stage", "owner")
    autocomplete_fields = ("service_area", "reports_to")
    inlines = [DateChangeInline]
    fieldsets = (
        (None, {"fields": ("service_area", "stage", "title", "status", "rag", "owner", "order")}),
        (
            "Dates (write them as people do: “end March 2010”, “Q1 2009”, “2009/10”)",
            {
                "fields": (
                    "planned_start_text",
                    "planned_completion_text",
                    "forecast_completion_text",
                    "change_reason",
                    "actual_start_text",
                    "actual_completion_text",
                    "keep_as_words",
                )
            },
        ),
        (None, {"fields": ("comment", "estimated_cost", "estimated_cost_note", "reports_to")}),
    )

    def save_edit(self, request, obj, form) -> None:
        # Through the same service as the officers' form: a DateChange with its reason for each
        # moved date.
        services.milestone_edit(
            milestone=Milestone.objects.get(pk=obj.pk),
            opened_version=form.cleaned_data["version"],
            changes=form.changes(),
            reason=form.cleaned_data["change_reason"],
            by=request.user,
        )


@admin.register(DateChange)
class DateChangeAdmin(admin.ModelAdmin):
    """Date history is a record: it can be read here but never edited or deleted."""

    list_display = (
        "milestone",
        "field",
        "old_text",
        "new_text",
        "direction",
        "reason",
        "changed_by",
        "changed_at",
    )
    list_filter = ("field", "direction", "milestone__service_area__programme")
    search_fields = ("milestone__title", "reason")
    list_select_related = ("milestone", "changed_by")
    date_hierarchy = "changed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(VersionedAdmin):
    list_display = ("label", "programme", "start", "end", "updates_due", "closed_at")
    list_filter = ("programme",)
    search_fields = ("label",)
    readonly_fields = ("closed_at", "closed_by")  # closed on the programme's periods page


class ReadOnlyMixin:
    """Sign-off is recorded by its pages (``milestones.cycle``): the admin shows it only."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class UpdateStepInline(admin.TabularInline):
    model = UpdateStep
    fields = ("at", "kind", "by", "comment")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AreaUpdate)
class AreaUpdateAdmin(ReadOnlyMixin, VersionedAdmin):
    list_display = ("service_area", "period", "status", "submitted_at", "decided_at")
    list_filter = ("service_area__programme", "status")
    list_select_related = ("service_area", "period")
    inlines = [UpdateStepInline]


@admin.register(UpdateStep)
class UpdateStepAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("area_update", "kind", "by", "at")
    list_filter = ("kind",)
    list_select_related = ("area_update__service_area", "area_update__period", "by")


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyMixin, ProgrammePeopleAdmin, VersionedAdmin):
    """Shown only: an update reaches the record through its area's sign-off, and an edit here
    would change what an accepted update said without anyone accepting it."""

    list_display = ("service_area", "milestone", "period", "author", "written_at")
    list_filter = ("service_area__programme", "period")
    search_fields = ("text", "service_area__name", "milestone__title")
    list_select_related = ("service_area", "milestone", "period", "author")
    autocomplete_fields = ("service_area", "milestone")
