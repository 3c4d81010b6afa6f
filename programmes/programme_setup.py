"""Starting a programme and changing its settings, by its programme office in the browser.

Who may: ``Rights.can_start_programme`` to start one (its starter becomes its manager),
``Rights.can_manage_programme`` to change its settings and its Key to Stages; each function
asks again, so a page that forgot to would still be refused. Every record is written through
``core.records`` (validated, versioned, with history naming who).

A programme's settings are the words and scales its reports use: what it calls a service area,
its stages, its RAG scale and words, its risk scale and matrix, which quarters a bare "Q1"
means, and how often it asks for updates. A new programme may start from another's (one its
starter can see): the settings are copied into the new programme's form to check, and its Key
to Stages and glossary are copied when it is saved.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from core.ordering import moved
from core.records import record_create, record_delete, record_edit
from core.risk_rating import matrix_problems

from .models import (
    GlossaryTerm,
    Organisation,
    Programme,
    ProgrammeAccess,
    Risk,
    ServiceArea,
    StageDefinition,
)
from .rights import Rights

#: What "copy the settings of an existing programme" copies onto the new programme's form.
COPIED_SETTINGS = (
    "service_area_label",
    "stage_label",
    "rag_scale",
    "rag_labels",
    "risk_scale",
    "risk_matrix",
    "quarters",
    "reporting_rhythm",
)


def settings_of(programme: Programme) -> dict:
    """The settings a new programme copies from ``programme`` (each a fresh value: the JSON
    settings are lists and dicts that must not be shared)."""
    values = {name: getattr(programme, name) for name in COPIED_SETTINGS}
    values["rag_labels"] = dict(programme.rag_labels or {})
    values["risk_matrix"] = [list(row) for row in programme.risk_matrix or []]
    return values


def organisations_named(names, *, by) -> list[Organisation]:
    """The organisations with these names (matched whatever the capitals), adding any the
    tracker does not know yet. Blank names are skipped; a name given twice counts once."""
    found: dict[str, Organisation] = {}
    for name in names:
        name = " ".join(name.split())
        if not name or name.lower() in found:
            continue
        organisation = Organisation.objects.filter(name__iexact=name).first()
        if organisation is None:
            organisation = record_create(record=Organisation(name=name), by=by)
        found[name.lower()] = organisation
    return list(found.values())


def unique_slug(name: str) -> str:
    """A web address name for a new programme from its name, not yet used nor reserved."""
    base = slugify(name)[:70].strip("-") or "programme"
    if base in Programme.RESERVED_SLUGS:
        base = f"{base}-programme"
    slug, number = base, 2
    while Programme.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def programme_start(
    *,
    programme: Programme,
    rights: Rights,
    by,
    partners=(),
    new_lead: str = "",
    new_partners=(),
    copy_from: Programme | None = None,
) -> Programme:
    """Save a new ``programme`` (its fields filled in, not yet saved) with its partner
    authorities (``partners`` known, ``new_partners`` names to add; ``new_lead`` a lead
    organisation to add by name), copy the Key to Stages and glossary of ``copy_from`` if
    given (and its own risk matrix, if the new programme's scales fit it), and make ``by``
    its manager."""
    if not rights.can_start_programme():
        raise PermissionDenied("Only administrators and programme managers can start a programme.")
    if copy_from is not None and not rights.can_view_programme(copy_from):
        raise PermissionDenied("You can copy only the settings of a programme you can see.")
    if new_lead.strip():
        programme.lead_organisation = organisations_named([new_lead], by=by)[0]
    if not programme.slug:
        programme.slug = unique_slug(programme.name)
    if copy_from is not None and copy_from.risk_matrix:
        # Its own risk matrix too, while the new programme keeps scales it fits.
        programme.risk_matrix = [list(row) for row in copy_from.risk_matrix]
        if not own_matrix_fits(programme, {}):
            programme.risk_matrix = []
    record_create(record=programme, by=by)
    programme.partners.set([*partners, *organisations_named(new_partners, by=by)])
    if copy_from is not None:
        copy_stages_and_glossary(source=copy_from, target=programme, by=by)
    access = ProgrammeAccess(programme=programme, user=by, role=ProgrammeAccess.Role.MANAGER)
    record_create(record=access, by=by)
    return programme


def copy_stages_and_glossary(*, source: Programme, target: Programme, by) -> None:
    for stage in source.stages.all():
        copy = StageDefinition(
            programme=target,
            code=stage.code,
            name=stage.name,
            definition=stage.definition,
            order=stage.order,
        )
        record_create(record=copy, by=by)
    for term in source.glossary.all():
        record_create(
            record=GlossaryTerm(programme=target, term=term.term, meaning=term.meaning), by=by
        )


# --- settings ----------------------------------------------------------------------------------


@dataclass
class SettingsSaved:
    programme: Programme
    changed: bool
    notes: list[str] = field(default_factory=list)  # what else the change did, in words


@transaction.atomic
def programme_settings_save(
    *,
    programme: Programme,
    opened_version: int,
    changes: dict,
    rights: Rights,
    by,
    partners=None,
    new_lead: str = "",
    new_partners=(),
) -> SettingsSaved:
    """Apply ``changes`` (field → value) to a programme's settings, refusing with
    ``StaleEdit`` if someone saved them after ``opened_version``; set its partner authorities
    to ``partners`` plus ``new_partners`` (names) unless ``partners`` is None.

    A scale is not changed under records rated on it (``scale_change_problems``). An own risk
    matrix that no longer fits the scales is dropped for the standard one, and the answer
    says so."""
    if not rights.can_manage_programme(programme):
        raise PermissionDenied("Only the programme's managers can change its settings.")
    changes = dict(changes)
    if new_lead.strip():
        changes["lead_organisation"] = organisations_named([new_lead], by=by)[0]
    if problems := scale_change_problems(programme, changes):
        raise ValidationError(problems)
    notes = []
    if (
        programme.risk_matrix
        and "risk_matrix" not in changes
        and not own_matrix_fits(programme, changes)
    ):
        changes["risk_matrix"] = []
        notes.append(
            "The programme's own risk matrix was for the old scale: the standard matrix is "
            "used until you set the programme's own again."
        )
    version = programme.version
    record_edit(record=programme, opened_version=opened_version, changes=changes, by=by)
    changed = programme.version != version
    if partners is not None:
        wanted = {*partners, *organisations_named(new_partners, by=by)}
        if wanted != set(programme.partners.all()):
            programme.partners.set(wanted)
            changed = True
    return SettingsSaved(programme, changed, notes)


def own_matrix_fits(programme: Programme, changes: dict) -> bool:
    """Whether the programme's own risk matrix still fits once ``changes`` are made."""
    after = Programme(
        rag_scale=changes.get("rag_scale", programme.rag_scale),
        risk_scale=changes.get("risk_scale", programme.risk_scale),
    )
    size = len(after.risk_levels())
    return not matrix_problems(programme.risk_matrix, size, after.rag_ratings())


def scale_change_problems(programme: Programme, changes: dict) -> dict[str, str]:
    """Why a change of RAG or risk scale would misstate records already rated (field →
    words), empty when it would not. Going from three points to five keeps every rating; from
    five to three is refused while anything is rated Amber/Red or Amber/Green. A risk scale is
    not changed while any risk has a likelihood or an impact: a "3" would change meaning."""
    problems = {}
    rag_scale = changes.get("rag_scale", programme.rag_scale)
    if rag_scale != programme.rag_scale:
        allowed = Programme(rag_scale=rag_scale).rag_ratings()
        dropped = [rating for rating in programme.rag_ratings() if rating not in allowed]
        if counted := rated_with(programme, dropped):
            words = " or ".join(programme.rag_label(rating) for rating in dropped)
            problems["rag_scale"] = (
                f"{counted} rated {words}, which the new scale does not have. Change their "
                "RAG status first, or keep this scale."
            )
    risk_scale = changes.get("risk_scale", programme.risk_scale)
    if risk_scale != programme.risk_scale:
        rated = Risk.objects.filter(programme=programme).filter(
            Q(likelihood__isnull=False) | Q(impact__isnull=False)
        )
        if count := rated.count():
            problems["risk_scale"] = (
                f"{plural(count, 'risk')} {'has' if count == 1 else 'have'} a likelihood or "
                f"impact on the {programme.get_risk_scale_display()} scale; on another scale "
                "the same level would mean something else. Keep this scale, or clear their "
                "likelihood and impact first."
            )
    return problems


def rated_with(programme: Programme, ratings: list[str]) -> str:
    """How many of the programme's service areas, milestones and risks have one of
    ``ratings``, in words ("2 milestones and 1 risk"); empty when none."""
    if not ratings:
        return ""
    areas = ServiceArea.objects.filter(programme=programme)
    counts = [
        (areas.filter(rag__in=ratings).count(), "service area"),
        # Milestones through their areas: this package sits below the milestones app.
        (areas.filter(milestones__rag__in=ratings).count(), "milestone"),
        (Risk.objects.filter(programme=programme, rag__in=ratings).count(), "risk"),
    ]
    parts = [plural(count, noun) for count, noun in counts if count]
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def rag_words(rag_scale: str, words: dict) -> dict:
    """A programme's own words for its ratings (``Programme.rag_labels``) from ``words`` typed
    for each rating: only those on ``rag_scale``, only those given."""
    ratings = Programme(rag_scale=rag_scale).rag_ratings()
    given = {rating: (words.get(rating) or "").strip() for rating in ratings}
    return {rating: word for rating, word in given.items() if word}


# --- the Key to Stages -------------------------------------------------------------------------


def _may_change_stages(rights: Rights, programme: Programme) -> None:
    if not rights.can_manage_programme(programme):
        raise PermissionDenied("Only the programme's managers can change its Key to Stages.")


@transaction.atomic
def stage_add(*, stage: StageDefinition, rights: Rights, by) -> StageDefinition:
    """Add ``stage`` at the end of its programme's Key to Stages."""
    _may_change_stages(rights, stage.programme)
    last = stage.programme.stages.order_by("-order").values_list("order", flat=True).first()
    stage.order = 0 if last is None else last + 1
    return record_create(record=stage, by=by)


@transaction.atomic
def stage_edit(
    *, stage: StageDefinition, opened_version: int, changes: dict, rights: Rights, by
) -> StageDefinition:
    """Rename or redefine a stage (``StaleEdit`` if someone saved it since it was opened)."""
    _may_change_stages(rights, stage.programme)
    return record_edit(record=stage, opened_version=opened_version, changes=changes, by=by)


@transaction.atomic
def stage_move(*, stage: StageDefinition, direction: str, rights: Rights, by) -> None:
    _may_change_stages(rights, stage.programme)
    stages = list(stage.programme.stages.all())
    save_order(moved(stages, stage, direction), by=by)


@transaction.atomic
def stage_remove(*, stage: StageDefinition, rights: Rights, by) -> None:
    """Take a stage out of the Key to Stages. A stage that milestones are at is kept: it is
    part of what the reports have said."""
    _may_change_stages(rights, stage.programme)
    if stage.milestones.exists():
        raise ValidationError(
            f"Milestones are at {stage.code}, so it stays in the Key to Stages. "
            "Rename or redefine it instead."
        )
    record_delete(record=stage, by=by)  # its history keeps it, with who removed it


def save_order(records: list, *, by) -> None:
    """Save each record's place in ``records`` as its ``order``: only those that moved are
    saved, each as an edit with its history."""
    for position, record in enumerate(records):
        if record.order != position:
            record_edit(
                record=record, opened_version=record.version, changes={"order": position}, by=by
            )
