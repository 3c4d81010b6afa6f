from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from accounts.views import SignInView
from reports.media import media_file

admin.site.site_header = "Programme milestone tracker"
admin.site.site_title = "Milestone tracker"
admin.site.index_title = "Programmes, milestones and governance"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Our sign-in page (single sign-on buttons) before Django's others under accounts/.
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    # Your sessions, the sign-in log, single sign-on.
    path("", include("accounts.urls")),
    # Uploaded and issued files, never without the rights of the pages that show them.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media_file, name="media"),
    # Setting a programme up: first, so that "programmes/new/" is not read as a programme.
    path("", include("programmes.setup_urls")),
    # Dashboards, programme overview, service-area pages, progress updates.
    path("", include("dashboards.urls")),
    # Milestone pages and editing; milestone lists and a programme's timeline.
    path("", include("milestones.urls")),
    # A programme's registers: risks, savings, budget, actions, meetings, governance, glossary.
    path("", include("programmes.urls")),
    # A programme's people, their invitations to sign in and their access.
    path("", include("programmes.people_urls")),
    # Committee-ready reports and issued packs.
    path("", include("reports.urls")),
    # Background jobs: their progress, result and retry; the health check.
    path("", include("jobs.urls")),
    # Excel: export of every list and the whole programme; importing councils' trackers.
    path("", include("imports.urls")),
    # The REST API and its schema; personal API tokens, calendar links, open data.
    path("", include("api.urls")),
]

# Refused and missing pages in the site's layout, saying why and the way back (500 keeps
# Django's handler: templates/500.html needs no database).
handler403 = "dashboards.views.errors.permission_denied"
handler404 = "dashboards.views.errors.page_not_found"
