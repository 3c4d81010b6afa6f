"""Calendar feeds behind a secret link (no sign-in: calendar programs cannot sign in), and a
programme's open data at a public address. Both answer 404 for anything not there to be had:
a revoked or unknown link, a programme that publishes nothing, or one its user lost access to."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from programmes.models import Programme
from programmes.rights import Rights

from .. import calendars, keys, opendata
from ..models import CalendarLink, Publication


@require_safe
def calendar_feed(request, secret):
    link = keys.find(CalendarLink, secret)
    if link is None:
        raise Http404("This calendar link is not recognised, or has been revoked.")
    host = request.get_host().split(":")[0]
    if link.programme_id is None:
        body = calendars.personal_feed(link.user, host)
    elif (rights := Rights.of(link.user)).can_view_programme(link.programme_id):
        body = calendars.programme_feed(link.programme, host, rights)
    else:
        raise Http404("This calendar link's user no longer has access to its programme.")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="milestones.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


KINDS = {
    "milestones": (opendata.MILESTONE_COLUMNS, opendata.milestone_rows, "milestones"),
    "savings": (opendata.SAVINGS_COLUMNS, opendata.savings_rows, "savings by financial year"),
}


@require_safe
def open_data(request, programme, kind, extension):
    programme = get_object_or_404(Programme, slug=programme)
    publication = Publication.objects.filter(programme=programme).first()
    if kind not in KINDS or publication is None or not getattr(publication, kind):
        raise Http404("This programme does not publish this as open data.")
    columns, rows_of, title = KINDS[kind]
    rows = rows_of(programme)
    name = f"{programme.slug}-{kind}.{extension}"
    if extension == "csv":
        response = HttpResponse(
            opendata.as_csv(columns, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        about = {
            "programme": programme.name,
            "dataset": title,
            "licence": publication.licence,
            "published_by": programme.lead_organisation.name,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "schema": "Each row has the columns below; docs/open-data.md describes them.",
        }
        body = json.dumps(
            opendata.as_json(columns, rows, about=about), ensure_ascii=False, indent=1
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response
