"""Person pickers that offer only a programme's people, each with a search box."""

from django.db.models import Q

from programmes.models import Person

NOT_OFFERED = "Choose from the list: only this programme's people can be chosen here."


def offer_programme_people(field, programme, *, keep=()) -> None:
    """Make a person picker offer only the programme's people (``Person.objects.of_programme``)
    and refuse anyone else with a clear message. ``keep``: the people the record names now,
    still shown so that saving the form never silently drops them; if they are not the
    programme's people the record's own check refuses them, saying why. With no programme yet
    (an admin page adding a record) the picker offers nobody."""
    people = Person.objects.none() if programme is None else Person.objects.of_programme(programme)
    keep = [pk for pk in keep if pk is not None]
    if keep:
        people = Person.objects.filter(Q(pk__in=people.values("pk")) | Q(pk__in=keep))
    field.queryset = people.select_related("organisation")
    field.error_messages = {**field.error_messages, "invalid_choice": NOT_OFFERED}
    mark_searchable(field.widget)


def mark_searchable(widget) -> None:
    """Give a person picker a search box (static/js/person-search.js, loaded on every page):
    without JavaScript it stays a plain list."""
    widget.attrs["data-person-search"] = True
