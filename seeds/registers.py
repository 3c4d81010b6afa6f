"""Loading the records a seed keeps for the programme as a whole or for one service area:
risks, savings, budget lines, actions and lessons."""

from programmes.models import Action, Lesson, Risk
from seeds.context import SeedContext, as_text
from seeds.finance import load_budget_line, load_saving


def load_scoped_records(seed: SeedContext, item, *, service_area):
    """Risks, savings, budget lines, actions and lessons of the programme or of one area."""
    for index, risk in enumerate(seed.items(item, "risks")):
        with seed.section(f"risks[{index}] ({risk.get('title', '?')})"):
            load_risk(seed, risk, service_area, index)
    for index, saving in enumerate(seed.items(item, "savings")):
        with seed.section(f"savings[{index}]"):
            load_saving(seed, saving, service_area, index)
    for index, line in enumerate(seed.items(item, "budget_lines")):
        with seed.section(f"budget_lines[{index}] ({line.get('title', '?')})"):
            load_budget_line(seed, line, service_area, None, index)
    for index, action in enumerate(seed.items(item, "actions")):
        with seed.section(f"actions[{index}]"):
            load_action(seed, action, service_area, index)
    for index, lesson in enumerate(seed.items(item, "lessons")):
        with seed.section(f"lessons[{index}]"):
            seed.check_keys(lesson, {"phase", "kind", "text"})
            record = Lesson(
                programme=seed.programme,
                service_area=service_area,
                phase=lesson.get("phase") or "",
                kind=lesson.get("kind") or Lesson.Kind.OBSERVATION,
                text=as_text(lesson.get("text")),
                order=index,
            )
            seed.save(record, "lessons")


def load_risk(seed: SeedContext, item, service_area, index):
    seed.check_keys(
        item,
        {
            "title",
            "description",
            "likelihood",
            "likelihood_note",
            "likelihood_as_written",
            "impact",
            "impact_note",
            "impact_as_written",
            "lead_officer",
            "moderating_factors",
            "rag",
            "review_date",
            "is_open",
        },
    )
    risk = Risk(
        programme=seed.programme,
        service_area=service_area,
        title=as_text(item.get("title")),
        description=as_text(item.get("description")),
        likelihood=item.get("likelihood"),
        likelihood_note=as_text(item.get("likelihood_note")),
        likelihood_as_written=as_text(item.get("likelihood_as_written")),
        impact=item.get("impact"),
        impact_note=as_text(item.get("impact_note")),
        impact_as_written=as_text(item.get("impact_as_written")),
        lead_officer=as_text(item.get("lead_officer")),
        moderating_factors=as_text(item.get("moderating_factors")),
        rag=item.get("rag") or "",
        is_open=item.get("is_open", True),
        order=index,
    )
    if item.get("review_date"):
        review = seed.fuzzy(item["review_date"])
        if not review.is_dated:
            seed.fail(f"review_date {item['review_date']!r} is not a date.")
        risk.review_date = review.latest
    seed.save(risk, "risks")


def load_action(seed: SeedContext, item, service_area, index):
    seed.check_keys(
        item,
        {
            "title",
            "kind",
            "owner",
            "start",
            "due",
            "status",
            "importance",
            "measure",
            "target",
            "resources_approved",
            "note",
            "heading",
        },
    )
    action = Action(
        programme=seed.programme,
        service_area=service_area,
        title=as_text(item.get("title")),
        kind=item.get("kind") or Action.Kind.FOLLOW_ON,
        owner=as_text(item.get("owner")),
        status=item.get("status") or Action.Status.OPEN,
        importance=as_text(item.get("importance")),
        measure=as_text(item.get("measure")),
        target=as_text(item.get("target")),
        resources_approved=item.get("resources_approved"),
        note=as_text(item.get("note")),
        heading=as_text(item.get("heading")),
        order=index,
    )
    action.start = seed.fuzzy(item.get("start"))
    action.due = seed.fuzzy(item.get("due"))
    seed.save(action, "actions")
