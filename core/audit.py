"""Audit history for the record pages, read from django-simple-history."""

AUDIT_LENGTH = 20


def audit_trail(history: list) -> list[dict]:
    """Saved versions of a record, newest first: who, when, and each field's old → new in the
    users' words (a fuzzy date shows as its words only). ``history`` is the record's history,
    newest first, one more than is wanted: the extra one is the baseline for the oldest diff,
    so no query is made per version. A record with no history rows (loaded before its model
    kept history, or by a bulk write) has an empty trail."""
    trail = []
    for version, previous in zip(history, [*history[1:], None][: len(history)], strict=True):
        if version.history_type == "+":
            trail.append({"record": version, "changes": [], "created": True})
            continue
        if previous is None:
            break  # the baseline: shown only as the "before" of the entry above it
        delta = version.diff_against(previous, excluded_fields=["version"])
        model = version.instance_type
        changes = [
            {
                "field": model._meta.get_field(change.field).verbose_name,
                "old": in_words(model, change.field, change.old),
                "new": in_words(model, change.field, change.new),
            }
            for change in delta.changes
            if not change.field.endswith(("_earliest", "_latest", "_precision"))
        ]
        if changes:
            trail.append({"record": version, "changes": changes, "created": False})
    return trail[:AUDIT_LENGTH]


def in_words(model, name: str, value):
    """A choice as its label ("Amber", "In progress"), a related record as itself (a person's
    organisation or login by name, not by id), anything else as it is."""
    field = model._meta.get_field(name)
    if field.choices and value is not None:
        return dict(field.flatchoices).get(value, value)
    if field.is_relation and value is not None:
        related = field.related_model._default_manager.filter(pk=value).first()
        return related if related is not None else value
    return value
