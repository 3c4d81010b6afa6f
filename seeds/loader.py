"""Loading a seed programme from its YAML transcription (see fixtures/README.md).

The loader is strict: an unknown key, a name that refers to nothing, a slippage chain that does
not join up or a value a model refuses stops the load with a message naming the place in the
file, and nothing of that programme is saved. Milestones and their date changes are written
through ``milestones.services`` like any other edit.

This module is the entry point and the order things are loaded in (what a later part refers to
is loaded first); ``seeds.files`` finds and reads the files, ``seeds.context`` holds what the
parts share, and each part of a seed has its own module (``programme``, ``governance``,
``milestones``, ``registers``, ``finance``, ``committee_reports``).
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from programmes.models import Programme
from seeds.committee_reports import load_committee_report
from seeds.context import SeedContext
from seeds.files import read_seed
from seeds.finance import load_reallocation
from seeds.governance import load_governance
from seeds.milestones import load_periods
from seeds.programme import (
    load_glossary,
    load_objective,
    load_organisations,
    load_people,
    load_programme,
    load_service_area,
    load_stages,
)
from seeds.registers import load_scoped_records

SEED_KEYS = {
    "programme",
    "organisations",
    "people",
    "stages",
    "reporting_periods",
    "glossary",
    "governance_bodies",
    "meetings",
    "service_areas",
    "risks",
    "savings",
    "savings_reallocations",
    "budget_lines",
    "actions",
    "lessons",
    "objectives",
    "committee_reports",
}


@dataclass
class LoadResult:
    programme: Programme
    counts: dict[str, int] = field(default_factory=dict)


def load_seed(path: Path, data: dict | None = None) -> LoadResult:
    """Create the programme a seed file describes (``data``: the file already read). The caller
    decides what to do when a programme with its slug already exists (see the command)."""
    data = data if data is not None else read_seed(path)
    with transaction.atomic():
        return _load(SeedContext(path.name), data)


def _load(seed: SeedContext, data: dict) -> LoadResult:
    seed.check_keys(data, SEED_KEYS)
    load_organisations(seed, data)
    load_people(seed, data)
    load_programme(seed, data["programme"])
    load_stages(seed, data)
    load_periods(seed, data)
    load_glossary(seed, data)
    load_governance(seed, data)
    for index, area in enumerate(seed.items(data, "service_areas")):
        with seed.section(f"service_areas[{index}] ({area.get('name', '?')})"):
            load_service_area(seed, area, index)
    load_scoped_records(seed, data, service_area=None)
    for index, item in enumerate(seed.items(data, "savings_reallocations")):
        with seed.section(f"savings_reallocations[{index}]"):
            load_reallocation(seed, item, index)
    for index, item in enumerate(seed.items(data, "objectives")):
        with seed.section(f"objectives[{index}]"):
            load_objective(seed, item, index)
    for index, item in enumerate(seed.items(data, "committee_reports")):
        with seed.section(f"committee_reports[{index}]"):
            load_committee_report(seed, item)
    return LoadResult(seed.programme, seed.counts)
