"""The rows a list page shows, for its "Download as Excel" link: the same GET parameters through
the same filter sets as the list pages (``programmes.filters``, ``milestones.filters``). The
savings, budget and meetings pages have no filters of their own, so these small ones stand in
for them."""

import django_filters as filters

from exports.rows import ROWS
from milestones.filters import MilestoneFilter
from programmes.filters import ActionFilter, ProgrammeFilterSet, RecordFilter, RiskFilter
from programmes.models import BudgetLine, GovernanceBody, Meeting, SavingsLine


class SavingsExportFilter(RecordFilter):
    kind = filters.ChoiceFilter(
        label="Cashable?", choices=SavingsLine.Kind.choices, empty_label="Any"
    )
    financial_year = filters.NumberFilter(label="Financial year (the year it starts)")

    class Meta:
        model = SavingsLine
        fields = ()


class BudgetExportFilter(RecordFilter):
    class Meta:
        model = BudgetLine
        fields = ()


class MeetingExportFilter(ProgrammeFilterSet):
    body = filters.ModelChoiceFilter(label="Body", empty_label="Any", queryset=None)

    class Meta:
        model = Meeting
        fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["body"].queryset = GovernanceBody.objects.filter(programme=self.programme)


FILTERS = {
    "milestones": MilestoneFilter,
    "risks": RiskFilter,
    "savings": SavingsExportFilter,
    "budget": BudgetExportFilter,
    "actions": ActionFilter,
    "meetings": MeetingExportFilter,
}


def filtered_rows(key: str, programme, params, rows=None):
    """The rows of list ``key`` that its page shows for these GET parameters (none when the
    filters are not valid, as on the page); from ``rows`` when given, else the whole list."""
    rows = ROWS[key](programme) if rows is None else rows
    filterset = FILTERS[key](params or None, queryset=rows, programme=programme)
    if filterset.is_bound and not filterset.is_valid():
        return rows.none()
    return filterset.qs
