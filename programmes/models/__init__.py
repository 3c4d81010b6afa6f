from .actions import Action, Lesson
from .finance import BudgetLine, SavingsLine, SavingsReallocation
from .governance import BodyMembership, GovernanceBody, Meeting
from .organisations import Organisation, Person
from .programmes import GlossaryTerm, Objective, Programme, StageDefinition
from .ratings import ProgressRating, RagRating
from .risks import Risk
from .service_areas import Participation, ServiceArea, ServiceAreaRole

__all__ = [
    "Action",
    "BodyMembership",
    "BudgetLine",
    "GlossaryTerm",
    "GovernanceBody",
    "Lesson",
    "Meeting",
    "Objective",
    "Organisation",
    "Participation",
    "Person",
    "Programme",
    "ProgressRating",
    "RagRating",
    "Risk",
    "SavingsLine",
    "SavingsReallocation",
    "ServiceArea",
    "ServiceAreaRole",
    "StageDefinition",
]
