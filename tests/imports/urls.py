"""The site's addresses with the spreadsheet ones, whether or not config.urls includes them yet."""

from django.urls import include, path

from config.urls import urlpatterns as site

included = any(getattr(pattern, "namespace", None) == "spreadsheets" for pattern in site)
urlpatterns = site if included else [*site, path("", include("imports.urls"))]
