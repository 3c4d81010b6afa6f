"""Inviting a person to sign in: an e-mail with a link to choose a password.

The link is Django's own password-reset link (``default_token_generator``): the login's id and
a token made from its password and last sign-in, so it stops working once the password is set,
once a newer invitation is sent (each one gives the waiting login a fresh unusable password),
and after ``PASSWORD_RESET_TIMEOUT``. Sending it creates the person's login, switched off and
without a password, and links it to the person then — never by matching names; accepting it
sets the password and switches the login on."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core import records

from .models import Invitation, Person, Programme
from .people_services import check_may_change
from .rights import is_administrators_login

NO_EMAIL = (
    "{name} has no e-mail address, so no invitation was sent. Add their e-mail address first."
)
NAME_TAKEN = (
    "Another login already signs in as {username}, so no invitation was sent. Ask an "
    "administrator to link that login to {name}, or correct {name}'s e-mail address."
)


@dataclass(frozen=True)
class SignIn:
    """Whether a person can sign in, in words, and whether an invitation may be sent."""

    words: str
    can_sign_in: bool = False
    invited: bool = False
    why_not_invite: str = ""  # empty: an invitation (or a fresh one) may be sent

    @property
    def may_invite(self) -> bool:
        return not self.why_not_invite


def sign_in_status(person: Person, invitation: Invitation | None) -> SignIn:
    """``invitation``: the person's latest, if any. Needs ``person.user`` selected."""
    user = person.user
    if user is None:
        return SignIn("No login", why_not_invite=_no_email(person))
    if user.has_usable_password():
        if user.is_active:
            return SignIn(
                f"Signs in as {user.get_username()}",
                can_sign_in=True,
                why_not_invite=f"{person.name} already signs in (as {user.get_username()}); "
                "a forgotten password can be reset from the sign-in page.",
            )
        return SignIn(
            "Login switched off",
            why_not_invite=f"{person.name}'s login has been switched off: only an "
            "administrator can switch it back on.",
        )
    if is_administrators_login(user):
        return SignIn(
            "Administrator's login, no password",
            why_not_invite="An administrator's login is set up by the administrators.",
        )
    if invitation is not None and invitation.login_id == user.pk and not invitation.accepted_at:
        sent = timezone.localtime(invitation.sent_at)
        return SignIn(
            f"Invited {sent:%d/%m/%Y}, not yet accepted",
            invited=True,
            why_not_invite=_no_email(person),
        )
    return SignIn("Has a login, no password yet", why_not_invite=_no_email(person))


def _no_email(person) -> str:
    return NO_EMAIL.format(name=person.name) if not person.email else ""


def latest_invitations(people) -> dict[int, Invitation]:
    """Each person's latest invitation (one query)."""
    latest = {}
    for invitation in Invitation.objects.filter(person__in=list(people)):
        latest.setdefault(invitation.person_id, invitation)  # newest first
    return latest


def link_lasts() -> str:
    """How long an invitation's link works, in words."""
    seconds = settings.PASSWORD_RESET_TIMEOUT
    days, hours = seconds // 86400, seconds // 3600
    if days:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{hours} hour{'s' if hours != 1 else ''}"


@transaction.atomic
def invitation_send(*, programme: Programme, person: Person, by, base_url: str) -> Invitation:
    """E-mail ``person`` a link to choose a password, creating their login (switched off until
    they accept) if they have none. Refused with a clear ``ValidationError`` when they have no
    e-mail address or already sign in; nothing is recorded unless the e-mail is sent."""
    check_may_change(by, programme, person)
    # Locked, so two managers inviting the same person at once create one login between them.
    person = Person.objects.select_for_update().get(pk=person.pk)
    latest = Invitation.objects.filter(person=person).first()
    status = sign_in_status(person, latest)
    if not status.may_invite:
        raise ValidationError(status.why_not_invite)
    login = person.user
    if login is None:
        login = _new_login(person)
        records.record_edit(
            record=person, opened_version=person.version, changes={"user": login}, by=by
        )
    else:
        login.email = person.email
        login.set_unusable_password()  # earlier invitations' links stop working
        login.save(update_fields=["email", "password"])
    invitation = Invitation.objects.create(
        person=person,
        login=login,
        programme=programme,
        email=person.email,
        sent_by=by,
        sent_at=timezone.now(),
    )
    link = base_url.rstrip("/") + reverse(
        "people:accept-invitation",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(login.pk)),
            "token": default_token_generator.make_token(login),
        },
    )
    context = {
        "person": person,
        "programme": programme,
        "by": by,
        "username": login.get_username(),
        "link": link,
        "lasts": link_lasts(),
    }
    send_mail(
        f"Sign in to the milestone tracker for {programme.name}",
        render_to_string("programmes/email/invitation.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [person.email],
        fail_silently=False,
    )
    return invitation


def sign_in_name(person) -> str:
    """What ``person`` signs in as: their login's name, or the e-mail address a new login will
    be named by."""
    return person.user.get_username() if person.user_id else person.email.strip().lower()


def _new_login(person):
    """A login for ``person`` named by their e-mail address, switched off, with no password."""
    User = get_user_model()
    username = sign_in_name(person)
    if User._default_manager.filter(username__iexact=username).exists():
        raise ValidationError(NAME_TAKEN.format(username=username, name=person.name))
    # Named as the person, so the pages say who did what ("Priya Shah: submitted it"), not
    # the e-mail address they sign in with.
    first_name, _, last_name = person.name.strip().rpartition(" ")
    login = User(
        username=username,
        email=person.email,
        first_name=first_name[:150],
        last_name=last_name[:150],
        is_active=False,
    )
    login.set_unusable_password()
    try:
        login.full_clean(exclude=["password"])
    except ValidationError as error:
        raise ValidationError(
            f"{person.name}'s e-mail address cannot be used as a sign-in name "
            f"({' '.join(error.messages)}). Ask an administrator to create their login."
        ) from error
    login.save()
    return login


def awaiting_invitation(login) -> bool:
    """Whether ``login`` was invited and has not yet chosen a password (an invitation's link
    works for nobody else, whatever its token)."""
    return (
        not login.has_usable_password()
        and not is_administrators_login(login)
        and Person.objects.filter(user=login).exists()
        and Invitation.objects.filter(login=login, accepted_at__isnull=True).exists()
    )


@transaction.atomic
def invitation_accept(*, login, password: str):
    """Set the invited login's password and switch it on (the caller has checked the link and
    validated the password)."""
    login.set_password(password)
    login.is_active = True
    login.save(update_fields=["password", "is_active"])
    Invitation.objects.filter(login=login, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )
    return login


SWITCHED_OFF = (
    "{name}'s login has been switched off, so single sign-on cannot sign them in: only an "
    "administrator can switch it back on."
)


@transaction.atomic
def single_sign_on_login(*, person: Person):
    """The login ``person`` signs in with after their identity provider vouched for their
    e-mail address: their own; or a new one, linked to them (as an invitation would); a login
    still waiting for its invitation is switched on and the invitation counted as accepted.
    A login an administrator switched off stays off (``ValidationError``)."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    login = person.user
    if login is None:
        login = _new_login(person)
        login.is_active = True
        login.save(update_fields=["is_active"])
        records.record_edit(
            record=person, opened_version=person.version, changes={"user": login}, by=login
        )
        return login
    if login.is_active:
        return login
    if not awaiting_invitation(login):
        raise ValidationError(SWITCHED_OFF.format(name=person.name))
    login.is_active = True
    login.save(update_fields=["is_active"])
    Invitation.objects.filter(login=login, accepted_at__isnull=True).update(
        accepted_at=timezone.now()
    )
    return login
