"""Sign-in settings come from the environment: providers, switching passwords off, session
limits and lockout thresholds."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({"
    "'backends': s.AUTHENTICATION_BACKENDS, 'providers': s.OIDC_PROVIDERS,"
    "'cookie_age': s.SESSION_COOKIE_AGE, 'idle': s.SESSION_IDLE_MINUTES,"
    "'limit': s.AXES_FAILURE_LIMIT}))"
)


def settings_with(**env) -> dict:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_providers_passwords_and_limits_come_from_the_environment():
    tenant = "https://login.microsoftonline.com/0000/"
    configured = settings_with(
        OIDC_PROVIDERS="entra,google",
        OIDC_ENTRA_NAME="Microsoft",
        OIDC_ENTRA_CLIENT_ID="entra-id",
        OIDC_ENTRA_CLIENT_SECRET="entra-secret",
        OIDC_ENTRA_AUTHORIZATION_ENDPOINT=f"{tenant}oauth2/v2.0/authorize",
        OIDC_ENTRA_TOKEN_ENDPOINT=f"{tenant}oauth2/v2.0/token",
        OIDC_ENTRA_USER_ENDPOINT="https://graph.microsoft.com/oidc/userinfo",
        OIDC_ENTRA_JWKS_ENDPOINT=f"{tenant}discovery/v2.0/keys",
        OIDC_ENTRA_EMAIL_DOMAINS_OWNED="wigan.gov.uk,bolton.gov.uk",
        OIDC_GOOGLE_CLIENT_ID="google-id",
        OIDC_GOOGLE_CLIENT_SECRET="google-secret",
        OIDC_GOOGLE_AUTHORIZATION_ENDPOINT="https://accounts.google.com/o/oauth2/v2/auth",
        OIDC_GOOGLE_TOKEN_ENDPOINT="https://oauth2.googleapis.com/token",
        OIDC_GOOGLE_USER_ENDPOINT="https://openidconnect.googleapis.com/v1/userinfo",
        OIDC_GOOGLE_JWKS_ENDPOINT="https://www.googleapis.com/oauth2/v3/certs",
        LOCAL_SIGN_IN="false",
        SESSION_IDLE_MINUTES="15",
        SESSION_ABSOLUTE_HOURS="8",
        SIGN_IN_FAILURE_LIMIT="3",
    )
    assert list(configured["providers"]) == ["entra", "google"]
    assert configured["providers"]["entra"]["email_domains_owned"] == [
        "wigan.gov.uk",
        "bolton.gov.uk",
    ]
    assert configured["providers"]["google"]["name"] == "Google"
    # Passwords off: no backend checks one, the admin's sign-in included.
    assert "django.contrib.auth.backends.ModelBackend" not in configured["backends"]
    assert configured["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert (configured["idle"], configured["cookie_age"], configured["limit"]) == (15, 8 * 3600, 3)


def test_by_default_passwords_work_and_no_provider_is_configured():
    default = settings_with()
    assert default["providers"] == {}
    assert "django.contrib.auth.backends.ModelBackend" in default["backends"]
    assert (default["idle"], default["cookie_age"], default["limit"]) == (30, 12 * 3600, 5)
