from .date_changes import DateChange
from .milestone import Milestone
from .periods import ProgressUpdate, ReportingPeriod

__all__ = ["DateChange", "Milestone", "ProgressUpdate", "ReportingPeriod"]
