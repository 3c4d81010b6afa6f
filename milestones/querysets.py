from datetime import date

from django.db import models
from django.db.models import Exists, OuterRef, Q


class MilestoneQuerySet(models.QuerySet):
    def for_programme(self, programme) -> "MilestoneQuerySet":
        return self.filter(service_area__programme=programme)

    def unfinished(self) -> "MilestoneQuerySet":
        return self.exclude(status__in=["complete", "cancelled"])

    def overdue(self, today: date) -> "MilestoneQuerySet":
        """Unfinished milestones whose planned completion has passed. A date known only to a
        month or a quarter is late once the whole month or quarter has gone."""
        return self.unfinished().filter(planned_completion_latest__lt=today)

    def due_between(self, start: date, end: date) -> "MilestoneQuerySet":
        """Milestones whose planned completion could fall in the period."""
        return self.filter(
            Q(planned_completion_latest__gte=start) | Q(planned_completion_latest__isnull=True),
            planned_completion_earliest__lte=end,
        )

    def with_slipped(self) -> "MilestoneQuerySet":
        """Annotate ``is_slipped``: the planned or forecast completion has moved later at least
        once (as ``core.slippage`` judged each move when it was recorded). Computed in the same
        query as the rows."""
        from .models import DateChange

        later = DateChange.objects.filter(
            milestone=OuterRef("pk"),
            field__in=["planned_completion", "forecast_completion"],
            direction=DateChange.Direction.LATER,
        )
        return self.annotate(is_slipped=Exists(later))

    def slipped(self) -> "MilestoneQuerySet":
        """Milestones whose planned or forecast completion has moved later at least once."""
        return self.with_slipped().filter(is_slipped=True)

    def in_report_order(self) -> "MilestoneQuerySet":
        return self.order_by(
            "service_area__order", "service_area_id", "order", "planned_start_earliest", "id"
        )
