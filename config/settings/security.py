"""Signing in, sessions and the headers a security team checks (OWASP ASVS level 2), read from
the environment. Imported by ``base``; production and test adjust a few values.

- Repeated wrong passwords: django-axes locks out the account, and separately the address they
  come from, after ``SIGN_IN_FAILURE_LIMIT`` failures, for ``SIGN_IN_LOCKOUT_MINUTES``; every
  sign-in page (ours and the admin's) authenticates through it. Successes and failures are
  kept for the administrators' sign-in log.
- Sessions end after ``SESSION_IDLE_MINUTES`` without a request, and in any case
  ``SESSION_ABSOLUTE_HOURS`` after signing in (``accounts.middleware``).
- Single sign-on: each OpenID Connect provider named in ``OIDC_PROVIDERS`` (see README);
  ``LOCAL_SIGN_IN=false`` switches off passwords, leaving single sign-on only.
"""

from datetime import timedelta

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

env = environ.Env()

# --- passwords and single sign-on --------------------------------------------------------------

LOCAL_SIGN_IN = env.bool("LOCAL_SIGN_IN", default=True)


def _provider(key: str) -> dict:
    """One OpenID Connect provider's settings from ``OIDC_<KEY>_…`` variables."""
    prefix = f"OIDC_{key.upper()}_"
    return {
        "name": env(f"{prefix}NAME", default=key.title()),
        "OIDC_RP_CLIENT_ID": env(f"{prefix}CLIENT_ID"),
        "OIDC_RP_CLIENT_SECRET": env(f"{prefix}CLIENT_SECRET"),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": env(f"{prefix}AUTHORIZATION_ENDPOINT"),
        "OIDC_OP_TOKEN_ENDPOINT": env(f"{prefix}TOKEN_ENDPOINT"),
        "OIDC_OP_USER_ENDPOINT": env(f"{prefix}USER_ENDPOINT"),
        "OIDC_OP_JWKS_ENDPOINT": env(f"{prefix}JWKS_ENDPOINT"),
        "OIDC_RP_SIGN_ALGO": env(f"{prefix}SIGN_ALGO", default="RS256"),
        # The ID token's ``iss`` must be this, when set.
        "issuer": env(f"{prefix}ISSUER", default=""),
        "OIDC_RP_SCOPES": env(f"{prefix}SCOPES", default="openid email profile"),
        # Entra ID sends no ``email_verified``: a tenant's addresses in domains the council
        # owns are its own, so they count as verified for this provider only.
        "email_domains_owned": env.list(f"{prefix}EMAIL_DOMAINS_OWNED", default=[]),
    }


OIDC_PROVIDERS = {key: _provider(key) for key in env.list("OIDC_PROVIDERS", default=[])}
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso-callback"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
LOGIN_REDIRECT_URL_FAILURE = "login"

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: refuses a locked-out account or address before any check.
    "axes.backends.AxesStandaloneBackend",
    *(["django.contrib.auth.backends.ModelBackend"] if LOCAL_SIGN_IN else []),
    "accounts.oidc.ProviderBackend",
]

# --- throttling and the sign-in log --------------------------------------------------------------

AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SIGN_IN_LOCKOUT_MINUTES", default=15))
# Each on its own: one account tried from many addresses, and many accounts from one address.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
# Behind a proxy, the number of proxies that add X-Forwarded-For (0: the address connecting).
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# --- sessions ------------------------------------------------------------------------------------

SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=30)
SESSION_ABSOLUTE_HOURS = env.int("SESSION_ABSOLUTE_HOURS", default=12)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- headers ------------------------------------------------------------------------------------

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Column widths and indents in style attributes; no <style> element, no script.
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
