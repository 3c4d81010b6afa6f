"""Signing in with a council's identity provider, your sessions, the sign-in log."""

from django.urls import path

from . import oidc, views

app_name = "accounts"

urlpatterns = [
    path("accounts/sessions/", views.SessionsView.as_view(), name="sessions"),
    path("accounts/sign-ins/", views.SignInLogView.as_view(), name="sign-in-log"),
    path("accounts/sso/callback/", oidc.ProviderCallbackView.as_view(), name="sso-callback"),
    path("accounts/sso/<slug:provider>/", oidc.ProviderSignInView.as_view(), name="sso"),
]
