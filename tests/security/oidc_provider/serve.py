"""Run the tests' OpenID Connect provider: ``python -m tests.security.oidc_provider.serve PORT
REDIRECT_URI``. Creates its database, signing key, client and users, prints "ready" and serves
until it is stopped."""

import base64
import os
import sys
import tempfile
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

CLIENT_ID = "milestone-tracker"
CLIENT_SECRET = "client-secret-of-the-tests"
PASSWORD = "provider password 1"
# username: (first name, last name, e-mail address)
USERS = {
    "alice": ("Alice", "Ashworth", "Alice.Ashworth@Example.gov.uk"),
    "bob": ("Bob", "unverified", "bob.brown@example.gov.uk"),
    "carol": ("Carol", "Cole", "carol.cole@example.gov.uk"),
    # Signed in, the provider gives Dave an ID token meant for another application
    # (``claims.id_token``).
    "dave": ("Dave", "Dodd", "dave.dodd@example.gov.uk"),
}


class Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def prepare(redirect_uri: str) -> str:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey", stdout=open(os.devnull, "w"))  # noqa: SIM115
    for username, (first, last, email) in USERS.items():
        get_user_model().objects.create_user(
            username, email=email, password=PASSWORD, first_name=first, last_name=last
        )
    client = Client.objects.create(
        name="Milestone tracker",
        client_type="confidential",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        jwt_alg="RS256",
        require_consent=False,
        redirect_uris=[redirect_uri],
        scope=["openid", "email", "profile"],
    )
    client.response_types.add(ResponseType.objects.get(value="code"))
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    modulus = other.public_numbers().n
    raw = modulus.to_bytes((modulus.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def main(port: int, redirect_uri: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.security.oidc_provider.settings"
    os.environ["PROVIDER_DATABASE"] = os.path.join(tempfile.mkdtemp(), "provider.sqlite3")
    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application

    other_modulus = prepare(redirect_uri)
    django_app = get_wsgi_application()

    def app(environ, start_response):
        environ["provider.other_modulus"] = other_modulus
        return django_app(environ, start_response)

    server = make_server("127.0.0.1", port, app, server_class=Server, handler_class=QuietHandler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
