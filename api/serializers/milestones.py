"""Milestones with their date changes, and progress updates, as the API reads and writes them.
A milestone is written through ``milestones.services`` (a reason for every moved date; a
``DateChange`` per move; complete when delivered)."""

from django.utils import timezone
from rest_framework import serializers

from milestones.models import DateChange, Milestone, ProgressUpdate, ReportingPeriod
from programmes.models import Meeting, Person, RagRating, ServiceArea, StageDefinition

from ..fields import FuzzyDateField, RagWordsField
from .common import VersionedSerializer, name_of

OFFERED_STATUSES = [
    choice for choice in Milestone.Status.choices if choice[0] != Milestone.Status.CANCELLED
]


class DateChangeSerializer(serializers.ModelSerializer):
    date = serializers.CharField(source="field", help_text="Which date moved.")
    old = FuzzyDateField(read_only=True)
    new = FuzzyDateField(read_only=True)
    direction_words = serializers.CharField(source="get_direction_display", read_only=True)
    in_words = serializers.SerializerMethodField(help_text='e.g. "Dec 2009, extended to Mar 2010".')
    changed_by = serializers.SerializerMethodField()

    class Meta:
        model = DateChange
        fields = (
            "id",
            "milestone",
            "date",
            "old",
            "new",
            "direction",
            "direction_words",
            "in_words",
            "reason",
            "changed_by",
            "changed_at",
        )
        read_only_fields = fields

    def get_in_words(self, change) -> str:
        return str(change.move)

    def get_changed_by(self, change) -> str:
        return name_of(change.changed_by)


class MilestoneSerializer(VersionedSerializer, serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(
        source="service_area.programme", slug_field="slug", read_only=True
    )
    service_area = serializers.PrimaryKeyRelatedField(queryset=ServiceArea.objects.none())
    stage = serializers.PrimaryKeyRelatedField(
        queryset=StageDefinition.objects.all(), allow_null=True, required=False
    )
    owner = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(),
        allow_null=True,
        required=False,
        help_text="One of the programme's people.",
    )
    owner_name = serializers.SerializerMethodField()
    reports_to = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(),
        allow_null=True,
        required=False,
        help_text="The meeting it reports to.",
    )
    status = serializers.ChoiceField(
        choices=OFFERED_STATUSES,
        required=False,
        help_text="Cancelled is given (with its reason) by POST …/cancel/.",
    )
    status_words = serializers.CharField(read_only=True)
    rag_words = RagWordsField("service_area.programme")
    planned_start = FuzzyDateField(required=False)
    planned_completion = FuzzyDateField(required=False)
    forecast_completion = FuzzyDateField(required=False)
    actual_start = FuzzyDateField(required=False)
    actual_completion = FuzzyDateField(
        required=False, help_text="Giving it marks the milestone complete."
    )
    expected_completion = FuzzyDateField(
        read_only=True, help_text="Actual, else forecast, else planned completion."
    )
    is_late = serializers.SerializerMethodField()
    estimated_cost = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=0, allow_null=True, required=False
    )
    reason = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="Why a planned or forecast date moves: needed when one does, kept in its "
        "date history and printed in slippage reports.",
    )
    date_changes = DateChangeSerializer(many=True, read_only=True)

    class Meta:
        model = Milestone
        fields = (
            "id",
            "programme",
            "service_area",
            "stage",
            "title",
            "status",
            "status_words",
            "rag",
            "rag_words",
            "owner",
            "owner_name",
            "planned_start",
            "planned_completion",
            "forecast_completion",
            "actual_start",
            "actual_completion",
            "expected_completion",
            "is_late",
            "comment",
            "estimated_cost",
            "reports_to",
            "order",
            "cancelled_reason",
            "version",
            "reason",
            "keep_as_words",
            "date_changes",
        )
        read_only_fields = ("order", "cancelled_reason")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "areas" in self.context:
            self.fields["service_area"].queryset = self.context["areas"]
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            self.fields["service_area"].read_only = True

    def programme_of(self, attrs):
        if self.instance is not None:
            return self.instance.service_area.programme
        return attrs["service_area"].programme

    def validate(self, attrs):
        attrs = super().validate(attrs)
        milestone = self.instance
        if (
            milestone is not None
            and milestone.status == Milestone.Status.CANCELLED
            and attrs.get("status", milestone.status) != milestone.status
        ):
            raise serializers.ValidationError(
                {"status": ["It is cancelled: reinstate it with POST …/reinstate/."]}
            )
        return attrs

    def get_owner_name(self, milestone) -> str:
        return milestone.owner.name if milestone.owner else ""

    def get_is_late(self, milestone) -> bool:
        return milestone.is_late(timezone.localdate())

    def service_fields(self) -> dict:
        """What the services take: each date as its FuzzyDate, the rest as given."""
        data = dict(self.validated_data)
        for name in ("version", "reason", "service_area"):
            data.pop(name, None)
        return data


class MilestoneCancelSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    reason = serializers.CharField(max_length=2000, help_text="Why it is cancelled.")


class MilestoneReinstateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    status = serializers.ChoiceField(
        choices=OFFERED_STATUSES, help_text="The status it goes back to."
    )


class ProgressUpdateSerializer(VersionedSerializer, serializers.ModelSerializer):
    """One part of a service area's update for a reporting period: the area's own text, or a
    milestone's comment / current activity, with the RAG status proposed. Written as the area's
    update page writes it (``milestones.cycle.update_save``): by the programme's managers and
    the people named on the area, while the period is open and the update is not submitted or
    accepted."""

    programme = serializers.SlugRelatedField(
        source="service_area.programme", slug_field="slug", read_only=True
    )
    service_area = serializers.PrimaryKeyRelatedField(queryset=ServiceArea.objects.none())
    milestone = serializers.PrimaryKeyRelatedField(
        queryset=Milestone.objects.none(),
        allow_null=True,
        required=False,
        help_text="The milestone this part is about; null for the area's own update.",
    )
    reporting_period = serializers.PrimaryKeyRelatedField(
        source="period",
        queryset=ReportingPeriod.objects.none(),
        required=False,
        help_text="The reporting period's id; when adding, the programme's current period if "
        "not given.",
    )
    period = serializers.CharField(source="period.label", read_only=True)
    period_start = serializers.DateField(source="period.start", read_only=True)
    period_end = serializers.DateField(source="period.end", read_only=True)
    sign_off = serializers.SerializerMethodField(
        help_text="Where the area's update for the period stands: accepted, submitted, "
        "draft, returned."
    )
    text = serializers.CharField(max_length=20000, required=False, help_text="Markdown.")
    rag = serializers.ChoiceField(
        choices=RagRating.choices,
        allow_blank=True,
        required=False,
        help_text="On the programme's RAG scale; blank when not rated.",
    )
    rag_words = RagWordsField("service_area.programme")
    author = serializers.SerializerMethodField()
    written_by = serializers.SerializerMethodField()
    note = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=2000,
        help_text="A note for the programme office, kept with the update's steps.",
    )
    submit = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Send the area's update to the programme office for review once saved.",
    )
    keep_as_words = None  # an update has no dates to write

    class Meta:
        model = ProgressUpdate
        fields = (
            "id",
            "programme",
            "service_area",
            "milestone",
            "reporting_period",
            "period",
            "period_start",
            "period_end",
            "sign_off",
            "text",
            "rag",
            "rag_words",
            "author",
            "written_by",
            "written_at",
            "version",
            "note",
            "submit",
        )
        read_only_fields = ("written_at",)
        validators = []  # one update per part and period: the service says so

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "areas" in self.context:
            areas = self.context["areas"]
            self.fields["service_area"].queryset = areas
            self.fields["milestone"].queryset = Milestone.objects.filter(service_area__in=areas)
            self.fields["reporting_period"].queryset = ReportingPeriod.objects.filter(
                programme__in=self.context["programmes"]
            )
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            for name in ("service_area", "milestone", "reporting_period"):
                self.fields[name].read_only = True

    def programme_of(self, attrs):
        if self.instance is not None:
            return self.instance.service_area.programme
        return attrs["service_area"].programme

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is not None:
            return attrs
        area, milestone = attrs["service_area"], attrs.get("milestone")
        errors = {}
        if milestone is not None and milestone.service_area_id != area.pk:
            errors["milestone"] = [f"Choose a milestone of {area.name}."]
        period = attrs.get("period")
        if period is not None and period.programme_id != area.programme_id:
            errors["reporting_period"] = ["Choose a reporting period of the area's programme."]
        if not attrs.get("text", "").strip():
            errors["text"] = ["Write what happened this period."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def get_sign_off(self, update) -> str:
        return getattr(update, "area_sign_off", None) or ""

    def get_author(self, update) -> str:
        return update.author.name if update.author else ""

    def get_written_by(self, update) -> str:
        return name_of(update.written_by)
