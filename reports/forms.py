"""Forms of the reports pages: a report's options (also read by ``manage.py render_report``),
issuing a pack to a meeting, and the committee cover sheet."""

from django import forms
from django.conf import settings
from django.forms import inlineformset_factory
from django.utils import timezone

from core.date_forms import FuzzyDateModelForm
from milestones.models import ReportingPeriod
from programmes.forms.people import offer_programme_people
from programmes.models import Meeting, Person, ServiceArea

from .models import BackgroundPaper, CommitteeReport, CommitteeReportSection, IssuedPack
from .options import DEFAULT_GRID_MONTHS, ReportOptions, default_as_at, start_of_day

MONTH_INPUT_FORMATS = ["%Y-%m", "%m/%Y", *settings.DATE_INPUT_FORMATS]


def pack_label(pack: IssuedPack) -> str:
    return (
        f"{pack.get_kind_display()} issued to {meeting_label(pack.meeting)} "
        f"on {timezone.localtime(pack.issued_at):%-d %B %Y at %H:%M}"
    )


def meeting_label(meeting: Meeting) -> str:
    title = f" ({meeting.title})" if meeting.title and meeting.title != meeting.body.name else ""
    return f"{meeting.body.short_name} {meeting.date:%-d %B %Y}{title}"


class PackChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return pack_label(obj)


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return meeting_label(obj)


class ReportOptionsForm(forms.Form):
    """How to build one kind of report. Unbound, it shows the defaults; every field may be left
    out of the data, so a bare link prints the report with its defaults."""

    as_at = forms.DateField(
        label="As at",
        required=False,
        help_text="The date the report describes, day before month (31/03/2010).",
    )
    since_pack = PackChoiceField(
        queryset=IssuedPack.objects.none(),
        required=False,
        label="Show what changed since the pack",
        empty_label="No comparison",
    )
    since_date = forms.DateField(
        label="or since the date",
        required=False,
        help_text="Changes recorded from the start of this day.",
    )
    areas = forms.ModelMultipleChoiceField(
        queryset=ServiceArea.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Service areas",
        help_text="Leave them all unticked to include every one.",
    )
    sections_chosen = forms.BooleanField(required=False, widget=forms.HiddenInput)
    sections = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Sections to include"
    )
    cover_sheet = forms.ModelChoiceField(
        queryset=CommitteeReport.objects.none(),
        required=False,
        label="Cover sheet",
        empty_label="The latest by the as-at date",
    )
    period = forms.ModelChoiceField(
        queryset=ReportingPeriod.objects.none(),
        required=False,
        label="Reporting period",
        empty_label="The one holding the as-at date",
    )
    first_month = forms.DateField(
        label="First month",
        required=False,
        input_formats=MONTH_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        help_text="Blank: two months before the as-at date.",
    )
    months = forms.IntegerField(label="Number of months", required=False, min_value=1, max_value=12)
    include_submitted = forms.BooleanField(
        required=False,
        label="Include updates submitted but not yet accepted",
        help_text="Reports print the updates the programme office has accepted. Tick to add "
        "those still awaiting review; each is marked “Submitted, not yet accepted”.",
    )

    normalise = forms.BooleanField(
        required=False,
        label="Write dates and ratings in one style",
        help_text="Reports print dates and ratings in their author's words (“Q1 2009”, "
        "“Deadline extended to May '10”). Tick to print every date in one style instead "
        "(“Jan 2010, extended to May 2010”).",
    )
    columns = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Extra columns",
        help_text="Columns the programme's own format does not have; tick to add them to this "
        "report.",
    )

    def __init__(self, data=None, *args, kind, programme, **kwargs):
        if data is not None and not data.get("sections_chosen"):
            # Data that does not choose sections (a link, the command) keeps them all, and the
            # form shows them ticked.
            data = data.copy()
            data.setlist("sections", [key for key, _ in kind.sections])
            data["sections_chosen"] = "on"
        super().__init__(data, *args, **kwargs)
        self.kind = kind
        self.programme = programme
        self.fields["as_at"].initial = default_as_at(
            programme, uses_cover_sheet=kind.uses_cover_sheet
        )
        if kind.optional_columns:
            self.fields["columns"].choices = kind.optional_columns
        else:
            del self.fields["columns"]
        self.fields["since_pack"].queryset = IssuedPack.objects.filter(
            programme=programme
        ).select_related("meeting__body")
        self.fields["areas"].queryset = ServiceArea.objects.filter(programme=programme)
        self.fields["areas"].label = f"{programme.service_area_label}s"
        self.fields["sections"].choices = kind.sections
        self.fields["sections"].initial = [key for key, _ in kind.sections]
        self.fields["sections_chosen"].initial = True
        if kind.uses_cover_sheet:
            self.fields["cover_sheet"].queryset = CommitteeReport.objects.filter(
                programme=programme
            )
        else:
            del self.fields["cover_sheet"]
        if kind.uses_period:
            self.fields["period"].queryset = ReportingPeriod.objects.filter(programme=programme)
        else:
            del self.fields["period"]
        if kind.uses_months:
            self.fields["months"].initial = DEFAULT_GRID_MONTHS
        else:
            del self.fields["first_month"]
            del self.fields["months"]
        if not kind.uses_updates:
            del self.fields["include_submitted"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since_pack") and cleaned.get("since_date"):
            raise forms.ValidationError("Compare with a pack or with a date, not both.")
        since = cleaned.get("since_date")
        if since and since > timezone.localdate():
            self.add_error("since_date", "Choose a day that has already begun.")
        return cleaned

    def to_options(self) -> ReportOptions:
        """The options from valid data (or the defaults for an unbound form)."""
        data = self.cleaned_data if self.is_bound else {}
        hidden: frozenset[str] = frozenset()
        if data.get("sections_chosen"):
            shown = set(data.get("sections") or [])
            hidden = frozenset(key for key, _ in self.kind.sections if key not in shown)
        areas = data.get("areas")
        options = ReportOptions(
            as_at=data.get("as_at") or self.fields["as_at"].initial,
            area_ids=tuple(area.pk for area in areas) if areas else None,
            hidden_sections=hidden,
            cover_sheet_id=data["cover_sheet"].pk if data.get("cover_sheet") else None,
            period_id=data["period"].pk if data.get("period") else None,
            first_month=data["first_month"].replace(day=1) if data.get("first_month") else None,
            months=data.get("months") or DEFAULT_GRID_MONTHS,
            include_submitted=bool(data.get("include_submitted")),
            normalise=bool(data.get("normalise")),
            columns=frozenset(data.get("columns") or ()),
        )
        if pack := data.get("since_pack"):
            return options.with_since(pack.issued_at, f"the {pack_label(pack)}", pack.pk)
        if day := data.get("since_date"):
            return options.with_since(start_of_day(day), f"{day:%-d %B %Y}")
        return options

    def described(self) -> list[tuple[str, str]]:
        """The options of valid data in words, as the page before issuing a pack shows what
        it will be printed with."""
        data = self.cleaned_data
        options = self.to_options()
        areas = data.get("areas")
        shown = [label for key, label in self.kind.sections if options.shows(key)]
        rows = [
            ("As at", f"{options.as_at:%-d %B %Y}"),
            (
                self.fields["areas"].label,
                "; ".join(str(area) for area in areas) if areas else "All of them",
            ),
            ("Sections", "; ".join(shown) or "None of the optional sections"),
            ("Changes shown since", options.since_label or "No comparison"),
            (
                "Dates and ratings",
                "In one style" if options.normalise else "In their author's words",
            ),
        ]
        if "columns" in self.fields:
            extra = [label for key, label in self.kind.optional_columns if key in options.columns]
            rows.append(("Extra columns", "; ".join(extra) or "None"))
        for name in ("cover_sheet", "period"):
            if name in self.fields:
                chosen = data.get(name)
                rows.append((self.fields[name].label, str(chosen or self.fields[name].empty_label)))
        if "months" in self.fields:
            first = data.get("first_month")
            start = f"from {first:%B %Y}" if first else "from two months before the as-at date"
            rows.append(("Months", f"{options.months}, {start}"))
        return rows


class IssueForm(forms.Form):
    meeting = MeetingChoiceField(
        queryset=Meeting.objects.none(),
        label="Issue to the meeting",
        help_text="The pack is kept exactly as issued: it cannot be changed or withdrawn.",
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        # Not a cancelled meeting: a pack is issued to a meeting that takes place.
        self.fields["meeting"].queryset = Meeting.objects.offered(programme).order_by("-date", "id")


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.description


class CommitteeReportForm(FuzzyDateModelForm):
    """The council's standard cover sheet, filled in by a programme manager."""

    fuzzy_dates = ("signed_off_on",)

    contact_officers = PersonMultipleChoiceField(
        queryset=Person.objects.none(),
        required=False,
        label="Contact officers",
        help_text="Printed with their e-mail and telephone, as recorded for each person.",
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    # contact_officers is kept out of Meta.fields: the service saves the links in order.
    class Meta:
        model = CommitteeReport
        fields = (
            "committee",
            "meeting",
            "date",
            "subject",
            "report_of",
            "purpose",
            "recommendations",
            "financial_consequences",
            "alternative_options",
            "wards_affected",
            "implications",
            "proper_officer",
            "signed_off_on_text",
        )
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in (
                "purpose",
                "recommendations",
                "financial_consequences",
                "alternative_options",
                "implications",
            )
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.instance.programme = programme
        self.fields["meeting"].queryset = Meeting.objects.filter(
            body__programme=programme
        ).select_related("body")
        self.fields["meeting"].label_from_instance = meeting_label
        officers = (
            [link.person_id for link in self.instance.contact_officer_links.all()]
            if self.instance.pk
            else []
        )
        offer_programme_people(self.fields["contact_officers"], programme, keep=officers)
        offer_programme_people(
            self.fields["proper_officer"], programme, keep=[self.instance.proper_officer_id]
        )
        self.fields["contact_officers"].initial = officers

    def quarters(self) -> str:
        return self.programme.quarters


class BackgroundPaperForm(FuzzyDateModelForm):
    fuzzy_dates = ("meeting_date",)

    class Meta:
        model = BackgroundPaper
        fields = ("order", "title", "meeting", "meeting_date_text", "available_from")


SectionFormSet = inlineformset_factory(
    CommitteeReport,
    CommitteeReportSection,
    fields=("order", "number", "heading", "body"),
    widgets={"body": forms.Textarea(attrs={"rows": 4})},
    extra=1,
    can_delete=True,
)

BackgroundPaperFormSet = inlineformset_factory(
    CommitteeReport, BackgroundPaper, form=BackgroundPaperForm, extra=1, can_delete=True
)
