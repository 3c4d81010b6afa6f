"""The weekly digest for a programme's managers: who has not updated, what slipped and what
turned red in the last seven days, as a plain-text e-mail. Sent on Mondays by
`manage.py send_update_reminders` (or with --digest) to each manager whose person wants it
(``Person.wants_digest``) and has an e-mail address; recorded so a week's goes once."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.risk_rating import RED
from core.slippage import LATER, change_words
from dashboards.models import ChaseEmail
from dashboards.selectors import updates_due
from milestones.models import DateChange, Milestone
from programmes.models import Person, Programme, ProgrammeAccess

WEEK = timedelta(days=7)


@dataclass
class Digest:
    programme: Programme
    since: date
    not_updated: list  # dashboards.selectors.UpdateDue
    slipped: list  # (DateChange, words)
    red_areas: list
    red_milestones: list
    red_risks: list


@dataclass
class DigestResult:
    sent: list = field(default_factory=list)  # people e-mailed (or would be: dry run)
    no_email: list = field(default_factory=list)  # managers who want it but have no address


def digest_kind(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"digest {year}-W{week:02d}"


def _was_red_before(model, objects, since_moment, is_red) -> set[int]:
    """The ids of ``objects`` that were red (by ``is_red`` on their history row) just before
    ``since_moment``, or that did not yet exist then (so were not red)."""
    earlier = {}
    rows = model.history.filter(id__in=[o.pk for o in objects], history_date__lt=since_moment)
    for row in rows.order_by("history_date", "history_id"):
        earlier[row.id] = row
    return {pk for pk, row in earlier.items() if is_red(row)}


def weekly_digest(programme: Programme, today: date) -> Digest:
    since = today - WEEK
    since_moment = timezone.make_aware(datetime.combine(since, time.min))
    areas = list(
        programme.service_areas.prefetch_related("roles__person").select_related("programme")
    )
    slipped = [
        (change, change_words(change.old, change.new))
        for change in DateChange.objects.filter(
            milestone__service_area__programme=programme,
            direction=LATER,
            changed_at__gte=since_moment,
        ).select_related("milestone__service_area")
    ]
    red_areas = [area for area in areas if area.rag == RED and not area.is_closed]
    red_areas = [
        a
        for a in red_areas
        if a.pk not in _was_red_before(type(a), red_areas, since_moment, lambda r: r.rag == RED)
    ]
    red_milestones = list(
        Milestone.objects.filter(service_area__programme=programme, rag=RED).select_related(
            "service_area"
        )
    )
    was_red = _was_red_before(Milestone, red_milestones, since_moment, lambda r: r.rag == RED)
    red_milestones = [m for m in red_milestones if m.pk not in was_red]
    risks = [r for r in programme.risks.filter(is_open=True) if programme.risk_rating(r).is_red]
    if risks:
        was_red = _was_red_before(
            type(risks[0]), risks, since_moment, lambda r: programme.risk_rating(r).is_red
        )
        risks = [r for r in risks if r.pk not in was_red]
    return Digest(programme, since, updates_due(areas), slipped, red_areas, red_milestones, risks)


def digest_readers(programme: Programme):
    """The people of the programme's managers' logins who want the digest."""
    return Person.objects.filter(
        wants_digest=True,
        user__programme_access__programme=programme,
        user__programme_access__role=ProgrammeAccess.Role.MANAGER,
    ).order_by("name")


def send_digests(
    *,
    programme: Programme,
    base_url: str | None = None,
    today: date | None = None,
    dry_run: bool = False,
) -> DigestResult:
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    today = today or timezone.localdate()
    kind = digest_kind(today)
    already = set(
        ChaseEmail.objects.filter(programme=programme, kind=kind).values_list(
            "person_id", flat=True
        )
    )
    result = DigestResult()
    for person in digest_readers(programme):
        if not person.email:
            result.no_email.append(person)
        elif person.pk not in already:
            result.sent.append(person)
    if not result.sent or dry_run:
        return result
    digest = weekly_digest(programme, today)
    link = base_url + reverse("programmes:overview", kwargs={"programme": programme.slug})
    subject = f"{programme.name}: the week to {today:%-d %B %Y}"
    messages = []
    for person in result.sent:
        body = render_to_string(
            "programmes/email/weekly_digest.txt",
            {"person": person, "digest": digest, "link": link, "today": today},
        )
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]))
    send_mass_mail(messages, fail_silently=False)
    ChaseEmail.objects.bulk_create(
        ChaseEmail(person=p, programme=programme, kind=kind, email=p.email) for p in result.sent
    )
    return result
