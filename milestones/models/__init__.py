from .cycle import AreaUpdate, UpdateStep
from .date_changes import DateChange
from .milestone import Milestone
from .periods import ProgressUpdate, ReportingPeriod

__all__ = [
    "AreaUpdate",
    "DateChange",
    "Milestone",
    "ProgressUpdate",
    "ReportingPeriod",
    "UpdateStep",
]
