"""The API's list filters: by programme (its slug), service area and the like."""

import django_filters

from milestones.models import Milestone, ProgressUpdate
from programmes.models import Meeting, Risk, SavingsLine, ServiceArea


def programme_filter(path: str = "programme__slug"):
    return django_filters.CharFilter(
        field_name=path, max_length=50, help_text="The programme's slug, as in its address."
    )


def area_filter(path: str = "service_area"):
    return django_filters.NumberFilter(
        field_name=f"{path}_id", min_value=1, max_value=2**53, help_text="A service area's id."
    )


class ServiceAreaFilter(django_filters.FilterSet):
    programme = programme_filter()

    class Meta:
        model = ServiceArea
        fields = ("programme",)


class MilestoneFilter(django_filters.FilterSet):
    programme = programme_filter("service_area__programme__slug")
    service_area = area_filter()
    status = django_filters.ChoiceFilter(choices=Milestone.Status.choices)

    class Meta:
        model = Milestone
        fields = ("programme", "service_area", "status")


class ProgressUpdateFilter(django_filters.FilterSet):
    programme = programme_filter("service_area__programme__slug")
    service_area = area_filter()

    class Meta:
        model = ProgressUpdate
        fields = ("programme", "service_area")


class RiskFilter(django_filters.FilterSet):
    programme = programme_filter()
    service_area = area_filter()
    is_open = django_filters.BooleanFilter()

    class Meta:
        model = Risk
        fields = ("programme", "service_area", "is_open")


class SavingsFilter(django_filters.FilterSet):
    programme = programme_filter()
    service_area = area_filter()
    financial_year = django_filters.NumberFilter(min_value=1990, max_value=2099)

    class Meta:
        model = SavingsLine
        fields = ("programme", "service_area", "financial_year")


class MeetingFilter(django_filters.FilterSet):
    programme = programme_filter("body__programme__slug")

    class Meta:
        model = Meeting
        fields = ("programme",)
