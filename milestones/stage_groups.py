"""An area's milestones by stage, in the order its people put them: the service-area page, the
page that reorders them and the dates-and-statuses grid all show them this way, and moving a
milestone up or down moves it past its neighbour in this order."""

from dataclasses import dataclass

from django.db.models import F

# Within a stage, milestones run by their ``order``, and by when they were added for equal orders.
WITHIN_STAGE = ("order", "id")


# The same order as ``by_stage`` for the database to sort and page: stages in the programme's
# order (its stages run by ``order``, then ``id``), milestones without a stage last.
IN_STAGE_ORDER = (F("stage__order").asc(nulls_last=True), "stage_id", *WITHIN_STAGE)


@dataclass
class StageGroup:
    stage: object  # a StageDefinition, or None for milestones without a stage
    milestones: list


def by_stage(milestones, stages) -> list[StageGroup]:
    """``milestones`` (of one area) grouped by stage, in the programme's order of ``stages``;
    those without a stage (or with one not in ``stages``) last, as "Other milestones"."""
    position = {stage.pk: index for index, stage in enumerate(stages)}
    groups: dict = {}
    for milestone in sorted(
        milestones,
        key=lambda m: (
            position.get(m.stage_id, len(position)),
            *(getattr(m, name) for name in WITHIN_STAGE),
        ),
    ):
        groups.setdefault(milestone.stage_id, StageGroup(milestone.stage, [])).milestones.append(
            milestone
        )
    return list(groups.values())
