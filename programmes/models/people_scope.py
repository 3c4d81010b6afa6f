from django.core.exceptions import ValidationError

from .organisations import Person

NOT_THE_PROGRAMMES = (
    "The {what} must be one of this programme's people: someone named on its service areas or "
    "governance bodies, working for its lead or partner organisations, or listed among its "
    "other people."
)


class NamesProgrammePeople:
    """A record that names people (an owner, an author, a contact officer), who must be people
    of the record's programme (``Person.objects.of_programme``). Without this check, a manager
    of one programme could print another programme's officers' e-mail addresses and telephone
    numbers in a report by sending their id.

    The check runs in ``clean_fields`` rather than ``clean`` because ``full_clean`` passes the
    fields a form leaves out only to ``clean_fields``: a form without the field neither crashes
    on the error nor is blocked by a value it cannot change, while ``record_create``,
    ``record_edit``, the admin, imports and the seed loader (which validate every field) always
    check it."""

    #: The foreign keys to Person that must name the programme's people.
    programme_people_fields: tuple[str, ...] = ()

    def people_programme_id(self) -> int | None:
        """The programme whose people the record may name (None while that is unknown)."""
        raise NotImplementedError

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, message in self.people_outside_programme(exclude or ()).items():
            errors.setdefault(name, []).append(message)
        if errors:
            raise ValidationError(errors)

    def people_outside_programme(self, exclude=()) -> dict[str, str]:
        """Each checked field naming someone who is not one of the programme's people → why."""
        named = {
            name: getattr(self, self._meta.get_field(name).attname)
            for name in self.programme_people_fields
            if name not in exclude
        }
        named = {name: pk for name, pk in named.items() if pk is not None}
        if not named:
            return {}
        programme_id = self.people_programme_id()
        if programme_id is None:
            return {}  # another check asks for the programme (the service area, the report…)
        allowed = set(
            Person.objects.of_programme(programme_id)
            .filter(pk__in=named.values())
            .values_list("pk", flat=True)
        )
        return self._outsiders(named, allowed)

    def _outsiders(self, named: dict, allowed: set) -> dict[str, str]:
        return {
            name: NOT_THE_PROGRAMMES.format(what=self._meta.get_field(name).verbose_name)
            for name, pk in named.items()
            if pk not in allowed
        }

    @classmethod
    def clean_fields_together(cls, records) -> None:
        """The same check for many records (``core.batches.full_clean_all``, which leaves the
        people out of each record's ``clean_fields``): one query per programme, not per record.
        Raises the first record's error."""
        named_by_record, wanted = [], {}
        for record in records:
            named = {
                name: getattr(record, cls._meta.get_field(name).attname)
                for name in cls.programme_people_fields
            }
            named = {name: pk for name, pk in named.items() if pk is not None}
            programme_id = record.people_programme_id() if named else None
            if programme_id is not None:
                named_by_record.append((record, named, programme_id))
                wanted.setdefault(programme_id, set()).update(named.values())
        allowed = {
            programme_id: set(
                Person.objects.of_programme(programme_id)
                .filter(pk__in=pks)
                .values_list("pk", flat=True)
            )
            for programme_id, pks in wanted.items()
        }
        for record, named, programme_id in named_by_record:
            if errors := record._outsiders(named, allowed[programme_id]):
                raise ValidationError(errors)
