"""The demo sign-in accounts (development machines only: ``settings.DEMO_USERS_ALLOWED``),
shared by the seed programmes and the living demonstration programme."""

from django.conf import settings
from django.contrib.auth import get_user_model


def demo_user(username: str, **fields):
    """The demo account ``username``, created with the demo password if it is not there yet
    (an existing account keeps its password and details)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org", **fields}
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save()
    return user
