"""Risks and savings lines, as the API reads and writes them: written through
``core.records`` (validation, version check, history naming who)."""

from rest_framework import serializers

from programmes.models import Programme, Risk, SavingsLine, ServiceArea

from ..fields import RagWordsField
from .common import VersionedSerializer


class RegisterSerializer(VersionedSerializer, serializers.ModelSerializer):
    """A record of a programme, or of one of its service areas (blank for the whole
    programme). The programme is given when it is added and never changes."""

    programme = serializers.SlugRelatedField(slug_field="slug", queryset=Programme.objects.none())
    service_area = serializers.PrimaryKeyRelatedField(
        queryset=ServiceArea.objects.none(),
        allow_null=True,
        required=False,
        help_text="Blank (null) for the programme as a whole.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "programmes" in self.context:
            self.fields["programme"].queryset = self.context["programmes"]
            self.fields["service_area"].queryset = self.context["areas"]
        if self.instance is not None and not isinstance(self.instance, list | tuple):
            self.fields["programme"].read_only = True

    def programme_of(self, attrs):
        return self.instance.programme if self.instance is not None else attrs["programme"]

    def record_fields(self) -> dict:
        data = dict(self.validated_data)
        data.pop("version", None)
        return data


class RiskSerializer(RegisterSerializer):
    likelihood = serializers.IntegerField(
        min_value=1,
        max_value=5,
        allow_null=True,
        required=False,
        help_text="A level on the programme's risk scale (1 Low … 3 High, or 1 … 5).",
    )
    impact = serializers.IntegerField(min_value=1, max_value=5, allow_null=True, required=False)
    likelihood_words = serializers.CharField(source="likelihood_label", read_only=True)
    impact_words = serializers.CharField(source="impact_label", read_only=True)
    rating = serializers.SerializerMethodField(
        help_text="The rating the programme's risk matrix gives its likelihood and impact."
    )
    rag_words = RagWordsField()

    class Meta:
        model = Risk
        fields = (
            "id",
            "programme",
            "service_area",
            "title",
            "description",
            "likelihood",
            "likelihood_words",
            "likelihood_as_written",
            "likelihood_note",
            "impact",
            "impact_words",
            "impact_as_written",
            "impact_note",
            "rating",
            "rag",
            "rag_words",
            "lead_officer",
            "moderating_factors",
            "review_date",
            "is_open",
            "order",
            "version",
        )
        read_only_fields = ("order",)

    def get_rating(self, risk) -> str:
        rated = risk.programme.risk_rating(risk)
        return rated.rating or ""


class SavingsLineSerializer(RegisterSerializer):
    financial_year = serializers.IntegerField(
        min_value=1990,
        max_value=2099,
        allow_null=True,
        required=False,
        help_text="The year the financial year starts in: 2009 for 2009/10 (April to March).",
    )
    financial_year_label = serializers.CharField(read_only=True, help_text='e.g. "2009/10".')
    shortfall = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text="Target less achieved (or, until then, forecast); null without both.",
    )
    money = {"max_digits": 14, "decimal_places": 2, "min_value": 0, "allow_null": True}
    target = serializers.DecimalField(**money, required=False)
    forecast = serializers.DecimalField(**money, required=False)
    achieved = serializers.DecimalField(**money, required=False)

    class Meta:
        model = SavingsLine
        fields = (
            "id",
            "programme",
            "service_area",
            "financial_year",
            "financial_year_label",
            "kind",
            "recurrence",
            "target",
            "forecast",
            "achieved",
            "shortfall",
            "note",
            "order",
            "version",
        )
        read_only_fields = ("order",)
