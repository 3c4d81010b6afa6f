"""Loading a seed's governance: its boards, groups and committees, their members and
parents, and their meetings."""

from programmes.models import BodyMembership, GovernanceBody, Meeting
from seeds.context import SeedContext, as_text


def load_governance(seed: SeedContext, data):
    bodies = seed.items(data, "governance_bodies")
    for index, item in enumerate(bodies):
        with seed.section(f"governance_bodies[{index}] ({item.get('name', '?')})"):
            seed.check_keys(
                item,
                {
                    "name",
                    "acronym",
                    "kind",
                    "parent",
                    "description",
                    "terms_of_reference",
                    "terms_agreed",
                    "terms_agreed_by",
                    "members",
                },
            )
            body = GovernanceBody(
                programme=seed.programme,
                name=as_text(item.get("name")),
                acronym=as_text(item.get("acronym")),
                kind=item.get("kind") or GovernanceBody.Kind.GROUP,
                description=as_text(item.get("description")),
                terms_of_reference=as_text(item.get("terms_of_reference")),
                terms_agreed_by=as_text(item.get("terms_agreed_by")),
                order=index,
            )
            body.terms_agreed = seed.fuzzy(item.get("terms_agreed"))
            seed.save(body, "governance bodies")
            seed.bodies[body.name] = body
            if body.acronym:
                seed.bodies.setdefault(body.acronym, body)
            for position, member in enumerate(seed.items(item, "members")):
                seed.check_keys(member, {"person", "role"})
                membership = BodyMembership(
                    body=body,
                    person=seed.person(member.get("person")),
                    role=as_text(member.get("role")),
                    order=position,
                )
                seed.save(membership, "memberships")
    # Parents may be listed after their children, so they are joined up afterwards.
    for index, item in enumerate(bodies):
        if item.get("parent"):
            with seed.section(f"governance_bodies[{index}] ({item.get('name', '?')})"):
                body = seed.bodies[as_text(item["name"])]
                body.parent = seed.body(item["parent"])
                seed.save(body, "parent links")
    for index, item in enumerate(seed.items(data, "meetings")):
        with seed.section(f"meetings[{index}]"):
            seed.check_keys(item, {"body", "date", "title", "location"})
            meeting = Meeting(
                body=seed.body(item.get("body")),
                date=seed.calendar_date(item.get("date"), "date"),
                title=as_text(item.get("title")),
                location=as_text(item.get("location")),
            )
            seed.save(meeting, "meetings")
