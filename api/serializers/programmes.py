"""Programmes, their service areas (with the people named on them) and meetings, as the API
reads and writes them. They are written through the services the pages use:
``programmes.programme_setup`` (starting a programme, its settings), ``programmes.area_setup``
(adding and changing an area) and ``programmes.governance_services`` (meetings)."""

from rest_framework import serializers

from programmes.models import (
    GovernanceBody,
    Meeting,
    Programme,
    ProgressRating,
    RagRating,
    ServiceArea,
    ServiceAreaRole,
    StageDefinition,
)

from ..fields import FuzzyDateField, RagWordsField
from .common import VersionedSerializer


class ChangesMixin:
    """What a write gives the services: the fields sent, less the version it is based on."""

    def changes(self) -> dict:
        data = dict(self.validated_data)
        data.pop("version", None)
        return data


def created_only(serializer, *names) -> None:
    """Fields given when the record is added and never changed afterwards."""
    if serializer.instance is not None and not isinstance(serializer.instance, list | tuple):
        for name in names:
            serializer.fields[name].read_only = True


class StageSerializer(serializers.ModelSerializer):
    class Meta:
        model = StageDefinition
        fields = ("id", "code", "name", "definition", "order")
        read_only_fields = fields


class LeadOrganisationField(serializers.CharField):
    """The lead organisation by name ("" when none): written as ``new_lead``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", allow_blank=True, **kwargs)

    def to_representation(self, programme) -> str:
        return programme.lead_organisation.name if programme.lead_organisation else ""

    def to_internal_value(self, data) -> dict:
        return {"new_lead": super().to_internal_value(data)}


class PartnersField(serializers.ListField):
    """The partner authorities by name: written as ``new_partners``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, programme) -> list[str]:
        return [partner.name for partner in programme.partners.all()]

    def to_internal_value(self, data) -> dict:
        return {"new_partners": super().to_internal_value(data)}


class ProgrammeSerializer(ChangesMixin, serializers.ModelSerializer):
    """A programme and its settings. Anyone who manages a programme (or an administrator) may
    start one, and becomes its manager; its managers change its settings."""

    slug = serializers.SlugField(
        max_length=80,
        required=False,
        help_text="Its web address name; made from the name when not given. Never changes.",
    )
    lead_organisation = LeadOrganisationField(
        required=False,
        max_length=200,
        help_text="Its name; an organisation the tracker does not know is added.",
    )
    partners = PartnersField(
        child=serializers.CharField(max_length=200),
        required=False,
        max_length=60,
        help_text="The partner authorities' full names; one the tracker does not know is "
        "added. Sending the list replaces the programme's partners.",
    )
    status_words = serializers.CharField(source="get_status_display", read_only=True)
    started = FuzzyDateField(read_only=True)
    rag_words = serializers.SerializerMethodField(
        help_text="The programme's words for each RAG status on its scale, in order."
    )
    stages = StageSerializer(many=True, read_only=True)
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="The version you read. A change based on an older version is refused "
        "(409) and nothing is saved.",
    )

    class Meta:
        model = Programme
        fields = (
            "id",
            "slug",
            "name",
            "short_name",
            "status",
            "status_words",
            "description",
            "lead_organisation",
            "partners",
            "started",
            "service_area_label",
            "stage_label",
            "rag_scale",
            "rag_words",
            "risk_scale",
            "quarters",
            "reporting_rhythm",
            "stages",
            "version",
        )
        read_only_fields = ("id",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        created_only(self, "slug")

    def get_rag_words(self, programme) -> dict[str, str]:
        return {code: programme.rag_label(code) for code in programme.rag_ratings()}

    def changes(self) -> dict:
        """The programme's own fields; its lead organisation and partners (by name) are the
        services' to find or add: see ``organisations``."""
        changes = super().changes()
        changes.pop("new_lead", None)
        changes.pop("new_partners", None)
        return changes

    def organisations(self) -> dict:
        """``new_lead`` and, when partners were sent, ``partners`` and ``new_partners``, as
        ``programme_setup`` takes them."""
        data = self.validated_data
        given = {"new_lead": data.get("new_lead", "")}
        if "new_partners" in data:
            given.update(partners=[], new_partners=data["new_partners"])
        return given


class RoleSerializer(serializers.ModelSerializer):
    role_words = serializers.CharField(source="get_role_display", read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    name = serializers.CharField(source="person.name", read_only=True)
    job_title = serializers.CharField(source="person.job_title", read_only=True)

    class Meta:
        model = ServiceAreaRole
        fields = ("role", "role_words", "person", "name", "job_title")
        read_only_fields = fields


class ServiceAreaSerializer(ChangesMixin, VersionedSerializer, serializers.ModelSerializer):
    """A service area. Its programme's managers add areas and change anything about them; the
    people named on an area change its scope, purpose and ratings."""

    programme = serializers.SlugRelatedField(slug_field="slug", queryset=Programme.objects.none())
    parent = serializers.PrimaryKeyRelatedField(
        queryset=ServiceArea.objects.none(),
        allow_null=True,
        required=False,
        help_text="The area this one sits under, if any (of the same programme).",
    )
    rag = serializers.ChoiceField(
        choices=RagRating.choices,
        allow_blank=True,
        required=False,
        help_text="On the programme's RAG scale; blank when not rated.",
    )
    rag_words = RagWordsField()
    progress_rating = serializers.ChoiceField(
        choices=ProgressRating.choices, allow_blank=True, required=False
    )
    people = RoleSerializer(source="roles", many=True, read_only=True)
    keep_as_words = None  # an area has no dates to write

    class Meta:
        model = ServiceArea
        fields = (
            "id",
            "programme",
            "parent",
            "number",
            "name",
            "scope",
            "purpose",
            "rag",
            "rag_words",
            "progress_rating",
            "order",
            "people",
            "closed_on",
            "closed_reason",
            "version",
        )
        read_only_fields = ("order", "closed_on", "closed_reason")
        validators = []  # the model's own checks, made as the service saves it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "programmes" in self.context:
            self.fields["programme"].queryset = self.context["programmes"]
            self.fields["parent"].queryset = self.context["areas"]
        created_only(self, "programme")

    def programme_of(self, attrs):
        return self.instance.programme if self.instance is not None else attrs["programme"]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        parent = attrs.get("parent")
        if parent is not None:
            programme = self.programme_of(attrs)
            if parent.programme_id != programme.pk:
                raise serializers.ValidationError(
                    {"parent": ["Choose an area of the same programme."]}
                )
            if self.instance is not None and parent.pk == self.instance.pk:
                raise serializers.ValidationError({"parent": ["An area cannot sit under itself."]})
        return attrs


class MeetingSerializer(ChangesMixin, serializers.ModelSerializer):
    """A meeting of one of the programme's bodies. Kept by the programme's managers; a meeting
    is cancelled (saying why) and reinstated by POST …/cancel/ and …/reinstate/."""

    programme = serializers.CharField(source="body.programme.slug", read_only=True)
    body = serializers.PrimaryKeyRelatedField(
        queryset=GovernanceBody.objects.none(),
        help_text="The board, group or committee that meets (one of the programme's bodies).",
    )
    body_name = serializers.CharField(source="body.name", read_only=True)
    body_acronym = serializers.CharField(source="body.acronym", read_only=True)
    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="The version you read. A change based on an older version is refused "
        "(409) and nothing is saved.",
    )

    class Meta:
        model = Meeting
        fields = (
            "id",
            "programme",
            "body",
            "body_name",
            "body_acronym",
            "date",
            "title",
            "location",
            "notes",
            "is_cancelled",
            "cancelled_reason",
            "version",
        )
        read_only_fields = ("is_cancelled", "cancelled_reason")
        validators = []  # the model's own checks, made as the service saves it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "programmes" in self.context:
            self.fields["body"].queryset = GovernanceBody.objects.filter(
                programme__in=self.context["programmes"]
            ).select_related("programme")

    def validate_body(self, body):
        meeting = self.instance
        if meeting is not None and body.programme_id != meeting.body.programme_id:
            raise serializers.ValidationError("Choose one of this programme's bodies.")
        return body


class MeetingCancelSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
    reason = serializers.CharField(
        max_length=2000, help_text="Why it is cancelled, e.g. “Not quorate”."
    )


class MeetingReinstateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=2**31 - 1, required=False)
