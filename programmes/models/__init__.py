from .access import ProgrammeAccess
from .actions import Action, Lesson
from .finance import BudgetLine, SavingsLine, SavingsReallocation
from .governance import AgendaItem, BodyMembership, GovernanceBody, Meeting
from .imports import ImportRecord, ValueTranslation
from .invitations import Invitation
from .organisations import Organisation, Person
from .programmes import GlossaryTerm, Objective, Programme, StageDefinition
from .ratings import ProgressRating, RagRating
from .risks import Risk
from .service_areas import Participation, ServiceArea, ServiceAreaRole

__all__ = [
    "Action",
    "AgendaItem",
    "BodyMembership",
    "BudgetLine",
    "GlossaryTerm",
    "GovernanceBody",
    "ImportRecord",
    "Invitation",
    "Lesson",
    "Meeting",
    "Objective",
    "Organisation",
    "Participation",
    "Person",
    "Programme",
    "ProgrammeAccess",
    "ProgressRating",
    "RagRating",
    "Risk",
    "SavingsLine",
    "SavingsReallocation",
    "ServiceArea",
    "ServiceAreaRole",
    "StageDefinition",
    "ValueTranslation",
]
