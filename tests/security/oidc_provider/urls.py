import json

from django.contrib.auth.views import LoginView
from django.http import HttpResponse
from django.urls import include, path
from oidc_provider.views import JwksView


def wrong_keys(request):
    """The provider's published keys with another key's modulus under the same key id: an ID
    token checked against them must fail its signature check."""
    keys = json.loads(JwksView.as_view()(request).content)
    for key in keys["keys"]:
        key["n"] = request.environ["provider.other_modulus"]
    return HttpResponse(json.dumps(keys), content_type="application/json")


urlpatterns = [
    path("login/", LoginView.as_view(template_name="login.html")),
    path("wrong-jwks/", wrong_keys),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
]
