"""Uploaded and generated files (``MEDIA_URL``) are served only through this view, in
development as in production, with the rights of the pages that show them: an issued pack's
files to those who may see its programme (through the pack's own download, which checks its
fingerprint), an organisation's logo to those who may see a programme it leads. Any other
name, and any file its asker may not see, is "not found" — a guessed name learns nothing."""

import mimetypes

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect

from programmes.rights import Rights

from .models import IssuedPack, ReportBranding

NOT_FOUND = "There is no such file, or you have not been given access to it."


@login_required
def media_file(request, name: str):
    rights = Rights.of(request.user)
    pack = (
        IssuedPack.objects.filter(Q(pdf=name) | Q(snapshot=name))
        .select_related("programme")
        .first()
    )
    if pack is not None:
        if not rights.can_view_programme(pack.programme):
            raise Http404(NOT_FOUND)
        which = "reports:pack-pdf" if pack.pdf.name == name else "reports:pack-data"
        return redirect(which, programme=pack.programme.slug, pk=pack.pk)
    branding = ReportBranding.objects.filter(logo=name).first()
    if branding is None or not _may_see_logo(rights, branding):
        raise Http404(NOT_FOUND)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(name, "rb"), content_type=content_type)


def _may_see_logo(rights: Rights, branding: ReportBranding) -> bool:
    """The logo prints on the reports of the programmes its organisation leads."""
    if rights.is_admin:
        return True
    return rights.visible_programmes().filter(lead_organisation=branding.organisation_id).exists()
