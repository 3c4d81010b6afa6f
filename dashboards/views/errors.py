"""The pages a user meets when something is refused or missing (403, 404), in the site's layout:
what was refused and why, in words, and the ways back — the page they came from, the
programme's overview if they may see it, My work.

The 500 page needs none of this: Django's own ``server_error`` renders ``templates/500.html``
with no context and no database, so that it still shows when the database is what failed."""

import re

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from milestones.models import Milestone
from programmes.models import Programme
from programmes.rights import Rights

# The messages of ``get_object_or_404`` and ``DetailView``: a model's name and a query, which
# tell a user nothing the page does not already say.
MACHINE_404 = re.compile(r"^No .+ (matches the given query|found matching the query)\.?$")


def permission_denied(request, exception):
    """403: "Only this programme's managers can …" as the view said it, with the ways back."""
    context = {
        "reason": _message(exception),
        "was_change": request.method not in ("GET", "HEAD", "OPTIONS"),
        **_ways_back(request),
    }
    return render(request, "403.html", context, status=403)


def page_not_found(request, exception):
    """404: the message of an ``Http404`` raised with words for the user ("There is no such
    import in progress: upload the file again."), not the ones Django makes up."""
    reason = _message(exception)
    if MACHINE_404.match(reason):
        reason = ""
    context = {"reason": reason, "request_path": request.path, **_ways_back(request)}
    return render(request, "404.html", context, status=404)


def _message(exception) -> str:
    message = exception.args[0] if exception is not None and exception.args else ""
    return message if isinstance(message, str) else ""


def _ways_back(request) -> dict:
    return {
        "came_from": _came_from(request),
        "programme": _programme_of(request),
        "my_work_url": reverse("programmes:my-work"),
    }


def _came_from(request) -> str:
    """The page the user came from, if it is one of ours and not the refused page itself."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return "" if referer == request.build_absolute_uri() else referer


def _programme_of(request) -> Programme | None:
    """The programme the refused address belongs to, when the user may see it: its overview is
    a way back. Found from the address alone (``<slug:programme>``, or a milestone's number),
    never from the refused view."""
    match = request.resolver_match
    if match is None:
        return None
    programme = None
    if slug := match.kwargs.get("programme"):
        programme = Programme.objects.filter(slug=slug).first()
    elif match.namespace == "milestones" and "pk" in match.kwargs:
        milestone = (
            Milestone.objects.filter(pk=match.kwargs["pk"])
            .select_related("service_area__programme")
            .first()
        )
        programme = milestone.service_area.programme if milestone else None
    if programme is None or not Rights.of(request.user).can_view_programme(programme):
        return None
    return programme
