from django.conf import settings
from django.db import models


class SignedInSession(models.Model):
    """A session a login signed in with, so that "sign out everywhere" can end each of them
    (Django's sessions do not say whose they are without decoding every one)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="login",
        on_delete=models.CASCADE,
        related_name="signed_in_sessions",
    )
    session_key = models.CharField("session key", max_length=40, unique=True)
    signed_in_at = models.DateTimeField("signed in at")

    class Meta:
        ordering = ["-signed_in_at"]
        verbose_name = "signed-in session"

    def __str__(self):
        return f"{self.user} since {self.signed_in_at:%d/%m/%Y %H:%M}"
