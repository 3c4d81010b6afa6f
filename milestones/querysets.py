from datetime import date

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When


class MilestoneQuerySet(models.QuerySet):
    """Why ``ids_first``: a page of a long list sorted on several keys costs PostgreSQL a sort of
    every matching row with all its columns and joins (about 0.2 s for 10,000 milestones);
    sorting just their ids and then reading the page's rows takes a few milliseconds."""

    def ids_first(self) -> "MilestoneQuerySet":
        """A slice of this queryset (a page) reads the slice's ids in order first, then the
        rows of those ids with their related rows: a list, in the same order."""
        clone = self._chain()
        clone._ids_first = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._ids_first = getattr(self, "_ids_first", False)
        return clone

    def __getitem__(self, k):
        if isinstance(k, slice) and self._result_cache is None and getattr(self, "_ids_first", 0):
            whole = self._chain()
            whole._ids_first = False
            ordering = whole.query.order_by
            if ordering and not {"pk", "id", "-pk", "-id"} & set(ordering):
                # Rows that tie on the sort (every "Complete" milestone) keep one order from
                # page to page: without a last key, PostgreSQL may return ties in any order.
                whole = whole.order_by(*ordering, "pk")
            ids = list(whole.values_list("pk", flat=True)[k])
            rows = {row.pk: row for row in whole.filter(pk__in=ids).order_by()}
            return [rows[pk] for pk in ids]
        return super().__getitem__(k)

    def for_programme(self, programme) -> "MilestoneQuerySet":
        return self.filter(service_area__programme=programme)

    def unfinished(self) -> "MilestoneQuerySet":
        return self.exclude(status__in=self.model.FINISHED)

    def with_due(self) -> "MilestoneQuerySet":
        """Annotate ``due_first`` and ``due_last``: the first and last day of the date each
        milestone is now due, its forecast completion if that has a date, else its planned
        completion (``core.lateness.due_date``)."""
        forecast_dated = Q(forecast_completion_earliest__isnull=False) | Q(
            forecast_completion_latest__isnull=False
        )
        return self.annotate(
            due_first=Case(
                When(forecast_dated, then=F("forecast_completion_earliest")),
                default=F("planned_completion_earliest"),
            ),
            due_last=Case(
                When(forecast_dated, then=F("forecast_completion_latest")),
                default=F("planned_completion_latest"),
            ),
        )

    def late(self, today: date) -> "MilestoneQuerySet":
        """Milestones late on ``today``, as ``core.lateness.is_late`` decides: not finished, and
        the last day of the date they are now due has passed (a FROM date or no date has no last
        day, so is never late)."""
        return self.with_due().filter(self.late_when(today))

    def late_when(self, today: date) -> Q:
        """``late()`` as a condition, for a queryset annotated ``with_due()``: to count late
        milestones beside others in one grouped query."""
        return ~Q(status__in=self.model.FINISHED) & Q(due_last__lt=today)

    def due_between(self, start: date, end: date) -> "MilestoneQuerySet":
        """Milestones whose due date (forecast, else planned completion) could fall in the
        period."""
        return self.with_due().filter(
            Q(due_last__gte=start) | Q(due_last__isnull=True),
            due_first__lte=end,
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


class ProgressUpdateQuerySet(models.QuerySet):
    def reportable(self, *, include_submitted: bool = False) -> "ProgressUpdateQuerySet":
        """Updates whose service area's update for their period the programme office has
        accepted (and, with ``include_submitted``, those submitted and awaiting review), each
        annotated with ``sign_off``: the status of that update. Drafts and returned updates
        are never reported."""
        from .models import AreaUpdate  # the model is defined after this queryset

        statuses = [AreaUpdate.Status.ACCEPTED]
        if include_submitted:
            statuses.append(AreaUpdate.Status.SUBMITTED)
        signed = AreaUpdate.objects.filter(
            service_area=OuterRef("service_area"), period=OuterRef("period"), status__in=statuses
        )
        return self.annotate(sign_off=Subquery(signed.values("status")[:1])).filter(
            sign_off__isnull=False
        )
