from django.db import models
from django.db.models import Q


class PersonQuerySet(models.QuerySet):
    def of_programmes(self, programmes) -> "PersonQuerySet":
        """The people of any of ``programmes`` (Programme objects, ids or a queryset): named in a
        role on one of its service areas, a member of one of its governance bodies, working for
        its lead or a partner organisation, given access to it, or named among its other
        people. Every picker of people, and every record's check of the people it names, reads
        this: one programme's officers are never offered to, or printed by, another."""
        # Imported here: the models import this module.
        from .models import (
            BodyMembership,
            Organisation,
            Programme,
            ProgrammeAccess,
            ServiceAreaRole,
        )

        roles = ServiceAreaRole.objects.filter(service_area__programme__in=programmes)
        seats = BodyMembership.objects.filter(body__programme__in=programmes)
        organisations = Organisation.objects.filter(
            Q(programmes_led__in=programmes) | Q(partner_programmes__in=programmes)
        )
        logins = ProgrammeAccess.objects.filter(programme__in=programmes)
        others = Programme.other_people.through.objects.filter(programme__in=programmes)
        return self.filter(
            Q(pk__in=roles.values("person"))
            | Q(pk__in=seats.values("person"))
            | Q(organisation__in=organisations.values("pk"))
            | Q(user__in=logins.values("user"))
            | Q(pk__in=others.values("person"))
        )

    def of_programme(self, programme) -> "PersonQuerySet":
        return self.of_programmes([programme])


class GovernanceBodyQuerySet(models.QuerySet):
    def open_on(self, day) -> "GovernanceBodyQuerySet":
        """The bodies that still existed on ``day`` (as ``GovernanceBody.is_open_on``)."""
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gte=day))


class MeetingQuerySet(models.QuerySet):
    def going_ahead(self) -> "MeetingQuerySet":
        """The meetings that are not cancelled: those the dashboards call the next meetings and
        to which packs can be issued."""
        return self.filter(is_cancelled=False)

    def offered(self, programme, *, keep=None) -> "MeetingQuerySet":
        """The meetings a picker offers (a milestone's "reports to", the meeting a pack is issued
        to): the programme's, not cancelled, and ``keep`` (the one the record names now), so
        that saving a form never silently drops a link to a meeting since cancelled."""
        return (
            self.filter(body__programme=programme)
            .filter(Q(is_cancelled=False) | Q(pk=keep))
            .select_related("body")
        )


class GlossaryTermQuerySet(models.QuerySet):
    def in_use(self) -> "GlossaryTermQuerySet":
        """The terms the reports' Key explains: not retired."""
        return self.filter(is_retired=False)


class ServiceAreaQuerySet(models.QuerySet):
    def open(self) -> "ServiceAreaQuerySet":
        """The areas still at work: the lists of current work, reminders and pickers show
        these. A closed area keeps its milestones and history and can be reopened."""
        return self.filter(closed_on__isnull=True)

    def closed(self) -> "ServiceAreaQuerySet":
        return self.filter(closed_on__isnull=False)
