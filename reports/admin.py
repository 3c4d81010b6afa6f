from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.date_forms import FuzzyDateModelForm
from core.versioned_admin import VersionedAdmin
from programmes.admin_base import ProgrammePeopleAdmin, ProgrammePeopleInline, programme_form

from .models import (
    BackgroundPaper,
    CommitteeReport,
    CommitteeReportSection,
    ContactOfficer,
    IssuedPack,
    ReportBranding,
    ReportLayout,
)


class ContactOfficerInline(ProgrammePeopleInline, admin.TabularInline):
    model = ContactOfficer
    extra = 0


class SectionInline(admin.StackedInline):
    model = CommitteeReportSection
    extra = 0
    fields = ("order", "number", "heading", "body")


class BackgroundPaperForm(FuzzyDateModelForm):
    fuzzy_dates = ("meeting_date",)

    class Meta:
        model = BackgroundPaper
        fields = "__all__"


class BackgroundPaperInline(admin.TabularInline):
    model = BackgroundPaper
    form = BackgroundPaperForm
    extra = 0
    fields = ("order", "title", "meeting", "meeting_date_text", "keep_as_words", "available_from")


@admin.register(CommitteeReport)
class CommitteeReportAdmin(ProgrammePeopleAdmin, SimpleHistoryAdmin):
    form = programme_form(CommitteeReport, "signed_off_on")
    list_display = ("subject", "committee", "date", "programme", "report_of")
    list_filter = ("programme", "committee")
    search_fields = ("subject", "committee", "purpose", "recommendations")
    list_select_related = ("programme",)
    date_hierarchy = "date"
    inlines = [ContactOfficerInline, SectionInline, BackgroundPaperInline]


@admin.register(ReportBranding)
class ReportBrandingAdmin(admin.ModelAdmin):
    """The organisation's name and logo as printed on its programmes' reports."""

    list_display = ("organisation", "name_on_reports", "logo")
    autocomplete_fields = ("organisation",)


@admin.register(ReportLayout)
class ReportLayoutAdmin(VersionedAdmin):
    """A programme's own structure of a kind of report; edited on the report's Structure
    page, which the admin saves through the same versioned path."""

    list_display = ("programme", "kind", "version")
    list_filter = ("kind", "programme")
    list_select_related = ("programme",)


@admin.register(IssuedPack)
class IssuedPackAdmin(admin.ModelAdmin):
    """Issued packs are records: the admin lists and shows them, and changes nothing."""

    list_display = ("title", "kind", "programme", "meeting", "issued_at", "issued_by_name")
    list_filter = ("kind", "programme")
    list_select_related = ("programme", "meeting__body")
    search_fields = ("title", "sha256")
    date_hierarchy = "issued_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
