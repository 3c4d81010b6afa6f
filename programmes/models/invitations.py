from django.conf import settings
from django.db import models

from .organisations import Person
from .programmes import Programme


class Invitation(models.Model):
    """An e-mail inviting a person to sign in: who sent it, from which programme, to which
    address, and when the person accepted it. A record of what happened, never edited; the link
    itself is Django's password-reset token for the login, so nothing secret is stored here."""

    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.CASCADE, related_name="invitations"
    )
    login = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="login",
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text="The programme whose People page the invitation was sent from.",
    )
    email = models.EmailField("sent to")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="sent by",
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
    )
    sent_at = models.DateTimeField("sent")
    accepted_at = models.DateTimeField("accepted", null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = "invitation to sign in"
        verbose_name_plural = "invitations to sign in"

    def __str__(self):
        return f"{self.person} invited to sign in ({self.sent_at:%d/%m/%Y})"
