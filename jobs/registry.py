"""How each kind of job is done. The apps above this one register a handler per kind in their
``job_handlers`` module::

    @jobs.registry.handler(Job.Kind.PROGRAMME_EXPORT)
    def export_programme(job, progress) -> Outcome: ...

A handler reads what it needs from ``job.params``, calls ``progress(step, done, total)`` as it
goes, and returns an ``Outcome``; a ``ValidationError`` (or any error whose message is meant for
users, ``JobRefused``) fails the job with that message as the reason.
"""

from collections.abc import Callable
from dataclasses import dataclass

HANDLERS: dict[str, Callable] = {}


@dataclass(frozen=True)
class Outcome:
    summary: str
    content: bytes | None = None  # a file to download
    file_name: str = ""
    link: str = ""  # or the page the result lives on (an issued pack)


class JobRefused(Exception):
    """The work cannot be done, for a reason its requester can act on (the message says it)."""


def handler(kind: str) -> Callable:
    def register(function: Callable) -> Callable:
        HANDLERS[kind] = function
        return function

    return register
