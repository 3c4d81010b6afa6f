"""The kinds of record an import brings in, by the key their sheet has in ``exports.columns``."""

from imports.kinds.actions import ActionImport
from imports.kinds.milestones import MilestoneImport
from imports.kinds.risks import RiskImport
from imports.kinds.savings import SavingsImport

KINDS = {kind.key: kind for kind in (MilestoneImport, RiskImport, SavingsImport, ActionImport)}
