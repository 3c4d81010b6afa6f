"""Sessions: when each began and was last used (for the idle and absolute limits of
``accounts.middleware``), and ending all of a login's sessions at once.

Django's ``user_logged_in`` signal is the one moment every way of signing in shares (the sign-in
page, the admin's, an invitation's link, single sign-on), so the session is stamped there."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import SignedInSession

SIGNED_IN_AT = "signed_in_at"
LAST_SEEN = "last_seen"


@receiver(user_logged_in, dispatch_uid="accounts.session_began")
def session_began(sender, request, user, **kwargs):
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    if request.session.session_key is None:
        request.session.save()
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={"user": user, "signed_in_at": timezone.now()},
    )


@receiver(user_logged_out, dispatch_uid="accounts.session_ended")
def session_ended(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        SignedInSession.objects.filter(session_key=request.session.session_key).delete()


def session_store() -> type[SessionBase]:
    return import_string(f"{settings.SESSION_ENGINE}.SessionStore")


@transaction.atomic
def sign_out_everywhere(*, user) -> int:
    """End every session ``user`` signed in with, on every device; how many there were."""
    store = session_store()
    keys = list(
        SignedInSession.objects.select_for_update()
        .filter(user=user)
        .values_list("session_key", flat=True)
    )
    for key in keys:
        store(session_key=key).delete()
    SignedInSession.objects.filter(user=user).delete()
    return len(keys)
