"""``Authorization: Token <secret>`` or ``Authorization: Bearer <secret>``: a personal API token
acts as its user, with exactly their rights. A revoked token, or one whose user may no longer
sign in, is refused with 401."""

from rest_framework import authentication, exceptions

from . import keys
from .models import ApiToken

KEYWORDS = ("token", "bearer")


class PersonalTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in KEYWORDS:
            return None  # not ours: the session may still sign the request in
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the token as “Authorization: Token <your token>”, with no spaces in it."
            )
        token = keys.find(ApiToken, header[1])
        if token is None:
            raise exceptions.AuthenticationFailed(
                "This token is not recognised, or has been revoked. Make a new one on your "
                "API tokens page."
            )
        return token.user, token

    def authenticate_header(self, request):
        return "Token"
