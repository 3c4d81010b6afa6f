"""Programmes, their service areas (with the people named on them) and meetings, as the API
reads them."""

from rest_framework import serializers

from programmes.models import (
    Meeting,
    Programme,
    ProgressRating,
    RagRating,
    ServiceArea,
    ServiceAreaRole,
    StageDefinition,
)

from ..fields import FuzzyDateField, RagWordsField, rating_read


class StageSerializer(serializers.ModelSerializer):
    class Meta:
        model = StageDefinition
        fields = ("id", "code", "name", "definition", "order")
        read_only_fields = fields


class ProgrammeSerializer(serializers.ModelSerializer):
    lead_organisation = serializers.SerializerMethodField()
    partners = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    status_words = serializers.CharField(source="get_status_display", read_only=True)
    started = FuzzyDateField(read_only=True)
    rag_words = serializers.SerializerMethodField(
        help_text="The programme's words for each RAG status on its scale, in order."
    )
    stages = StageSerializer(many=True, read_only=True)

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
            "quarters",
            "reporting_rhythm",
            "stages",
            "version",
        )
        read_only_fields = fields

    def get_lead_organisation(self, programme) -> str:
        return programme.lead_organisation.name if programme.lead_organisation else ""

    def get_rag_words(self, programme) -> dict[str, str]:
        return {code: programme.rag_label(code) for code in programme.rag_ratings()}


class RoleSerializer(serializers.ModelSerializer):
    role_words = serializers.CharField(source="get_role_display", read_only=True)
    person = serializers.IntegerField(source="person_id", read_only=True)
    name = serializers.CharField(source="person.name", read_only=True)
    job_title = serializers.CharField(source="person.job_title", read_only=True)

    class Meta:
        model = ServiceAreaRole
        fields = ("role", "role_words", "person", "name", "job_title")
        read_only_fields = fields


class ServiceAreaSerializer(serializers.ModelSerializer):
    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    rag = rating_read(RagRating.choices)
    rag_words = RagWordsField()
    progress_rating = rating_read(ProgressRating.choices, "progress")
    people = RoleSerializer(source="roles", many=True, read_only=True)

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
        read_only_fields = fields


class MeetingSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="body.programme.slug", read_only=True)
    body_name = serializers.CharField(source="body.name", read_only=True)
    body_acronym = serializers.CharField(source="body.acronym", read_only=True)

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
        )
        read_only_fields = fields
