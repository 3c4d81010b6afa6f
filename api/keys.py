"""Making, finding and revoking the secrets users hold (API tokens, calendar links). A secret
is shown to its user once, when it is made; only its SHA-256 is stored, so a copy of the
database lets nobody in. Every write goes through ``core.records`` with its history."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.records import record_create, record_edit

from .models.keys import UserSecret

TOKEN_START = "mt_"  # tells a tracker token apart in a password manager or a leaked log
CALENDAR_START = "cal_"
# Last use is noted at most this often, so a busy integration does not write on every read.
NOTE_USE_EVERY = timedelta(minutes=5)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(model: type[UserSecret], *, user, name: str, start: str, **fields) -> tuple:
    """A new secret for ``user``: the saved record and the secret, to show once."""
    secret = start + secrets.token_urlsafe(32)
    record = model(
        user=user,
        name=(name or "").strip(),
        prefix=secret[: len(start) + 6],
        key_hash=digest(secret),
        **fields,
    )
    return record_create(record=record, by=user), secret


def find(model: type[UserSecret], secret: str):
    """The live (not revoked) record of ``secret`` whose user may still sign in, or None. Its
    last use is noted."""
    if not secret:
        return None
    record = (
        model.objects.select_related("user")
        .filter(key_hash=digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if record is None:
        return None
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at > NOTE_USE_EVERY:
        # Bookkeeping, not a change to the record: no new version, no history row.
        model.objects.filter(pk=record.pk).update(last_used_at=now)
        record.last_used_at = now
    return record


def revoke(record: UserSecret, *, by) -> UserSecret:
    """Stop a secret working at once. Only its own user revokes it."""
    if record.user_id != by.pk:
        raise PermissionDenied("You can only revoke your own tokens and links.")
    if record.is_revoked:
        return record
    return record_edit(
        record=record,
        opened_version=record.version,
        changes={"revoked_at": timezone.now()},
        by=by,
    )
