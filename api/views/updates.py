"""Progress updates: read, and written as the area's update page writes them
(``milestones.cycle.update_save``, the one write path of the period's update cycle): by those
``Rights.can_write_update`` allows, while the period is open and the area's update is not
submitted or accepted; a part saved by someone else since the version the writer read is never
replaced (409, or 412 with If-Match); every version is kept with who wrote it."""

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, Subquery
from rest_framework import exceptions, status

from core.versioning import StaleEdit
from milestones import cycle, periods
from milestones.models import AreaUpdate, ProgressUpdate
from programmes.models import Person

from ..filters import ProgressUpdateFilter
from ..serializers.milestones import ProgressUpdateSerializer
from .base import WriteViewSet, opened_version, refuse_stale


class ProgressUpdateViewSet(WriteViewSet):
    """Progress updates: those the programme office has accepted, and, for those who write or
    review an area's update, the rest of that area's too (draft, submitted, returned). Adding
    one writes a part of the area's update for a period that has none yet; changing one is based
    on the ``version`` you read (or its ETag in If-Match). ``submit`` sends the area's update to
    the programme office once saved."""

    serializer_class = ProgressUpdateSerializer
    filterset_class = ProgressUpdateFilter
    programme_path = "service_area__programme"

    def get_queryset(self):
        sign_off = AreaUpdate.objects.filter(
            service_area=OuterRef("service_area"), period=OuterRef("period")
        ).values("status")[:1]
        queryset = self.visible(
            ProgressUpdate.objects.select_related(
                "service_area__programme", "period", "author", "written_by"
            )
            .annotate(area_sign_off=Subquery(sign_off))
            .order_by("-period__start", "service_area", "milestone", "id")
        )
        if self.rights.is_admin:
            return queryset
        accepted = queryset.reportable().values("pk")
        writes = self.rights.write_update_condition(programme="service_area__programme")
        return queryset.filter(Q(pk__in=accepted) | writes)

    def refuse_unless_writer(self, area) -> None:
        if not self.rights.can_write_update(area):
            raise exceptions.PermissionDenied(
                f"Only the programme's managers and the people named on {area.name} can write "
                "its update."
            )

    def save(self, request, *, area, period, milestone, data, opened):
        """The area's update page's write: this one part, with the note and submission."""
        part = cycle.Part(milestone, data["text"], data.get("rag", ""), opened)
        author = Person.objects.of_programme(area.programme_id).filter(user=request.user).first()
        cycle.update_save(
            service_area=area,
            period=period,
            parts=[part],
            note=data.get("note", ""),
            submit=data.get("submit", False),
            by=request.user,
            author=author,
        )
        return ProgressUpdate.objects.filter(
            service_area=area, period=period, milestone=milestone
        ).first()

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        area, milestone = data["service_area"], data.get("milestone")
        self.refuse_unless_writer(area)
        period = data.get("period") or periods.current_period(area.programme)
        if period is None:
            raise ValidationError(
                {"reporting_period": "This programme has no reporting period open for updates."}
            )
        existing = ProgressUpdate.objects.filter(
            service_area=area, period=period, milestone=milestone
        ).first()
        if existing is not None:
            raise self.written_already(existing)
        try:
            update = self.save(
                request, area=area, period=period, milestone=milestone, data=data, opened=None
            )
        except StaleEdit as stale:  # written by someone else a moment ago
            raise self.written_already(stale.current) from None
        if update is None:
            raise ValidationError(
                {
                    "text": "Nothing was saved: the text and RAG status are what the milestone's "
                    "record already says."
                }
            )
        return self.answer(update, status.HTTP_201_CREATED)

    def written_already(self, existing: ProgressUpdate) -> ValidationError:
        return ValidationError(
            {
                "non_field_errors": f"This part of the update for {existing.period.label} is "
                f"written already (update {existing.pk}, version {existing.version}): read "
                "it, and change it with PATCH, sending that version."
            }
        )

    def change(self, request, update):
        self.refuse_unless_writer(update.service_area)
        serializer = self.get_serializer(update, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {"text": update.text, "rag": update.rag, **serializer.validated_data}
        opened, from_header = opened_version(request, data.get("version"))
        refuse_stale(
            lambda: self.save(
                request,
                area=update.service_area,
                period=update.period,
                milestone=update.milestone,
                data=data,
                opened=opened,
            ),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(update)
