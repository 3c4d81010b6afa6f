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


class ServiceAreaQuerySet(models.QuerySet):
    def open(self) -> "ServiceAreaQuerySet":
        """The areas still at work: the lists of current work, reminders and pickers show
        these. A closed area keeps its milestones and history and can be reopened."""
        return self.filter(closed_on__isnull=True)

    def closed(self) -> "ServiceAreaQuerySet":
        return self.filter(closed_on__isnull=False)
