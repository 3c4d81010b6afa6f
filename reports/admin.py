from django.contrib import admin

from milestones.forms import FuzzyDateModelForm
from programmes.admin import programme_form

from .models import BackgroundPaper, CommitteeReport, CommitteeReportSection, ContactOfficer


class ContactOfficerInline(admin.TabularInline):
    model = ContactOfficer
    extra = 0
    autocomplete_fields = ("person",)


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
    fields = ("order", "title", "meeting", "meeting_date_text", "available_from")


@admin.register(CommitteeReport)
class CommitteeReportAdmin(admin.ModelAdmin):
    form = programme_form(CommitteeReport, "signed_off_on")
    list_display = ("subject", "committee", "date", "programme", "report_of")
    list_filter = ("programme", "committee")
    search_fields = ("subject", "committee", "purpose", "recommendations")
    list_select_related = ("programme",)
    date_hierarchy = "date"
    autocomplete_fields = ("author", "proper_officer")
    inlines = [ContactOfficerInline, SectionInline, BackgroundPaperInline]
