from .keys import ApiToken, CalendarLink
from .publication import Publication

__all__ = ["ApiToken", "CalendarLink", "Publication"]
