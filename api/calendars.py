"""Calendar feeds (ICS): milestones on the day they are due and meetings on their day, for one
programme or for one person's own work. A feed shows only what its user can see now: losing
access to a programme empties it of that programme.

A milestone whose date is a span ("March 2010", "Q1 2010") falls on the span's last day — the
day it is late after (``core.lateness``) — and its description gives the words as written. A
milestone with no date, finished or cancelled, is left out; a cancelled meeting is kept and
marked cancelled, so a calendar that had it drops it."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from icalendar import Calendar, Event

from milestones.models import Milestone
from programmes.models import BodyMembership, Meeting, Person
from programmes.rights import Rights


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Programme milestone tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _all_day(calendar: Calendar, *, uid: str, day, summary: str, description: str, **extra):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    for name, value in extra.items():
        event.add(name, value)
    calendar.add_component(event)


def _add_milestones(calendar: Calendar, milestones, host: str) -> None:
    for milestone in milestones:
        due = milestone.expected_completion
        day = due.latest or due.earliest
        if day is None:
            continue
        area = milestone.service_area
        lines = [
            f"{area.programme.name} · {area}",
            f"Status: {milestone.status_words}",
            f"Due: {due} (written “{due.text}”)",
        ]
        if milestone.rag:
            lines.append(f"RAG status: {area.programme.rag_label(milestone.rag)}")
        _all_day(
            calendar,
            uid=f"milestone-{milestone.pk}@{host}",
            day=day,
            summary=f"Milestone due: {milestone.title}",
            description="\n".join(lines),
        )


def _add_meetings(calendar: Calendar, meetings, host: str) -> None:
    for meeting in meetings:
        body = meeting.body
        name = body.acronym or body.name
        lines = [body.programme.name, body.name]
        if meeting.is_cancelled:
            lines.append(f"Cancelled: {meeting.cancelled_reason}")
        _all_day(
            calendar,
            uid=f"meeting-{meeting.pk}@{host}",
            day=meeting.date,
            summary=f"{name} meeting{f': {meeting.title}' if meeting.title else ''}",
            description="\n".join(lines),
            location=meeting.location,
            status="CANCELLED" if meeting.is_cancelled else "CONFIRMED",
        )


def _milestones():
    return (
        Milestone.objects.exclude(status__in=Milestone.FINISHED)
        .select_related("service_area__programme")
        .order_by("id")
    )


def _meetings():
    return Meeting.objects.select_related("body__programme").order_by("date", "id")


def programme_feed(programme, host: str, rights: Rights) -> bytes:
    """The programme's milestones (those of the areas its user sees: ``Rights.scope``) and
    meetings."""
    calendar = _calendar(f"{programme.name}: milestones and meetings")
    milestones = rights.scope(
        _milestones().filter(service_area__programme=programme),
        programme="service_area__programme",
    )
    _add_milestones(calendar, milestones, host)
    _add_meetings(calendar, _meetings().filter(body__programme=programme), host)
    return calendar.to_ical()


def personal_feed(user, host: str) -> bytes:
    """The user's own work in every programme they can see: milestones they own or whose
    service area names them, and the meetings of the bodies they sit on."""
    rights = Rights.of(user)
    programmes = rights.visible_programmes()
    person = Person.objects.filter(user=user).first()
    name = person.name if person else user.get_username()
    calendar = _calendar(f"{name}: milestones and meetings")
    mine = Q(service_area__in=rights.named_areas)
    if person is not None:
        mine |= Q(owner=person)
    milestones = _milestones().filter(mine, service_area__programme__in=programmes)
    _add_milestones(calendar, rights.scope(milestones, programme="service_area__programme"), host)
    if person is not None:
        sits: dict[int, list] = {}
        for membership in BodyMembership.objects.filter(person=person):
            sits.setdefault(membership.body_id, []).append(membership)
        meetings = _meetings().filter(body__in=list(sits), body__programme__in=programmes)
        # Only the meetings of the days they sat on the body.
        meetings = [
            meeting
            for meeting in meetings
            if any(membership.is_member_on(meeting.date) for membership in sits[meeting.body_id])
        ]
        _add_meetings(calendar, meetings, host)
    return calendar.to_ical()
