"""Sessions that end, and signed-in pages no browser or proxy keeps.

- ``SessionLimitsMiddleware`` signs out a session idle for longer than
  ``SESSION_IDLE_MINUTES``, or older than ``SESSION_ABSOLUTE_HOURS`` however busy, and sends
  the browser to the sign-in page saying why. The time last seen is written at most once a
  minute, so a page costs no extra write.
- ``NoStoreMiddleware`` marks every response to a signed-in user (pages and downloads alike)
  ``Cache-Control: no-store``, so a shared computer's cache keeps no programme's data.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.cache import add_never_cache_headers

from .sessions import LAST_SEEN, SIGNED_IN_AT

SEEN_RESOLUTION = 60  # seconds


def session_expired(session, now: float) -> str:
    """Why this signed-in session has ended, in words; empty while it may go on."""
    signed_in = session.get(SIGNED_IN_AT)
    if signed_in is None or now - signed_in > settings.SESSION_ABSOLUTE_HOURS * 3600:
        return (
            f"You were signed out because sessions last at most "
            f"{settings.SESSION_ABSOLUTE_HOURS} hours. Please sign in again."
        )
    if now - session.get(LAST_SEEN, signed_in) > settings.SESSION_IDLE_MINUTES * 60:
        return (
            f"You were signed out after {settings.SESSION_IDLE_MINUTES} minutes without "
            "activity. Please sign in again."
        )
    return ""


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            why = session_expired(request.session, now)
            if why:
                logout(request)
                messages.info(request, why)
                return redirect_to_login(request.get_full_path())
            if now - request.session.get(LAST_SEEN, 0) > SEEN_RESOLUTION:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


class NoStoreMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
