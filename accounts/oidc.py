"""Single sign-on with OpenID Connect (Microsoft Entra ID, Google, any standard provider), on
mozilla-django-oidc: the authorisation code flow with PKCE, the ID token's signature checked
against the provider's published keys and its nonce against the one this browser was given.

Several providers at once: each is a dict in ``settings.OIDC_PROVIDERS`` (read from the
environment, see ``config/settings/security.py``). The sign-in button names the provider in its
URL; the provider chosen is kept with the request's ``state`` in the session, so the callback
(one redirect URL for all providers) and the backend use that provider's endpoints and keys.

Who signs in: the login of the one person in the tracker whose e-mail address is the one the
provider vouches for — verified (``email_verified``), or in a domain the council owns for a
provider that sends no such claim (Entra ID). Never by name. A person with no login yet gets
one (``programmes.invitations.single_sign_on_login``); nobody else does."""

import logging
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from programmes.invitations import single_sign_on_login
from programmes.models import Person

logger = logging.getLogger(__name__)

STATES = "oidc_states"


def provider(key: str | None) -> dict | None:
    return settings.OIDC_PROVIDERS.get(key) if key else None


class ProviderSettings:
    """``get_settings`` of mozilla-django-oidc's classes, answering from one provider's dict
    before the project's settings."""

    oidc_provider: dict

    def get_settings(self, attr, *args):
        if attr in self.oidc_provider:
            return self.oidc_provider[attr]
        return import_from_settings(attr, *args)


class ProviderSignInView(ProviderSettings, OIDCAuthenticationRequestView):
    """``accounts/sso/<provider>/``: off to the provider with a fresh state, nonce and PKCE
    challenge."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the provider's endpoints are known in ``setup``

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.key = kwargs["provider"]
        self.oidc_provider = provider(self.key) or {}
        self.OIDC_OP_AUTH_ENDPOINT = self.oidc_provider.get("OIDC_OP_AUTHORIZATION_ENDPOINT")
        self.OIDC_RP_CLIENT_ID = self.oidc_provider.get("OIDC_RP_CLIENT_ID")

    def get(self, request, provider):
        if not self.oidc_provider:
            raise Http404("There is no such way to sign in.")
        response = super().get(request)
        state = parse_qs(urlparse(response.url).query)["state"][0]
        request.session[STATES][state]["provider"] = self.key
        request.session.modified = True
        return response


class ProviderCallbackView(OIDCAuthenticationCallbackView):
    """The one redirect URL every provider sends the browser back to."""

    def get(self, request):
        states = request.session.get(STATES, {})
        state = states.get(request.GET.get("state", ""), {})
        request.oidc_provider_key = state.get("provider")
        return super().get(request)

    def login_failure(self):
        why = getattr(self.request, "sso_refusal", "") or (
            "Single sign-on did not sign you in. Please try again, or ask your system "
            "administrator."
        )
        messages.error(self.request, why)
        return super().login_failure()


class ProviderBackend(ProviderSettings, OIDCAuthenticationBackend):
    """Authenticates the callback's code with the provider it came from; see the module."""

    def __init__(self, *args, **kwargs):
        self.oidc_provider = {}
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        self.oidc_provider = provider(getattr(request, "oidc_provider_key", None)) or {}
        if not self.oidc_provider:
            return None
        # Read per provider here, where mozilla-django-oidc reads them once at start-up.
        super().__init__()
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as error:
            # A bad signature, another browser's nonce, a refused code: not this person.
            self.refuse(
                f"{self.oidc_provider['name']} could not confirm who you are ({error}), so you "
                "were not signed in. Please try again."
            )
            return None

    def verify_token(self, token, **kwargs):
        """mozilla-django-oidc checks the signature, expiry and nonce; the audience (this
        client) and, when configured, the issuer are checked here."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token issued to another client")
        issuer = self.oidc_provider.get("issuer")
        if issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def verified_email(self, claims) -> str:
        email = (claims.get("email") or "").strip().lower()
        if not email:
            return ""
        if claims.get("email_verified") is True:
            return email
        owned = [domain.lower() for domain in self.oidc_provider.get("email_domains_owned", [])]
        return email if email.rpartition("@")[2] in owned else ""

    def refuse(self, why: str):
        logger.warning("Single sign-on refused: %s", why)
        self.request.sso_refusal = why

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        email = self.verified_email(claims)
        if not email:
            self.refuse(
                f"{self.oidc_provider['name']} did not confirm your e-mail address, so you "
                "cannot be signed in with it."
            )
            return None
        people = list(Person.objects.filter(email__iexact=email)[:2])
        if len(people) != 1:
            self.refuse(
                f"Nobody in the milestone tracker has the e-mail address {email}. Ask your "
                "programme office to add you (or invite you)."
                if not people
                else f"More than one person in the milestone tracker has the e-mail address "
                f"{email}. Ask your programme office to correct it."
            )
            return None
        try:
            return single_sign_on_login(person=people[0])
        except ValidationError as error:
            self.refuse(" ".join(error.messages))
            return None
