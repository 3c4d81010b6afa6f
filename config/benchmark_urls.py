"""The site's URLs and a bare Django view (``/benchmark/bare/``): the yardstick the page
benchmark measures every officer page against. Only ``config.settings.benchmark`` uses it."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler403, handler404
from config.urls import urlpatterns as site_urlpatterns

__all__ = ["handler403", "handler404", "urlpatterns"]


def bare(request):
    return HttpResponse("Hello", content_type="text/plain")


urlpatterns = [path("benchmark/bare/", bare, name="benchmark-bare"), *site_urlpatterns]
