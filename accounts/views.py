"""Your sessions and signing out everywhere; the administrators' sign-in log."""

from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.generic import TemplateView

from programmes.rights import Rights

from .models import SignedInSession
from .sessions import sign_out_everywhere

LOG_ROWS = 200


class SessionsView(LoginRequiredMixin, TemplateView):
    """The sessions you are signed in with, and a button that ends all of them."""

    template_name = "accounts/sessions.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sessions=SignedInSession.objects.filter(user=self.request.user),
            this_session=self.request.session.session_key,
            idle_minutes=settings.SESSION_IDLE_MINUTES,
            absolute_hours=settings.SESSION_ABSOLUTE_HOURS,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        ended = sign_out_everywhere(user=request.user)
        messages.success(
            request,
            f"You are signed out everywhere: {ended} session{'s' if ended != 1 else ''} ended, "
            "this one too.",
        )
        return redirect(settings.LOGIN_URL)


class SignInLogView(LoginRequiredMixin, TemplateView):
    """Recent sign-ins, failed and successful, and who is locked out: for administrators."""

    template_name = "accounts/sign_in_log.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not Rights.of(request.user).is_admin:
            raise PermissionDenied("Only administrators can see the sign-in log.")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        successes = [
            {"row": row, "succeeded": True}
            for row in AccessLog.objects.order_by("-attempt_time")[:LOG_ROWS]
        ]
        failures = [
            {"row": row, "succeeded": False}
            for row in AccessFailureLog.objects.order_by("-attempt_time")[:LOG_ROWS]
        ]
        attempts = sorted(
            successes + failures, key=lambda entry: entry["row"].attempt_time, reverse=True
        )[:LOG_ROWS]
        locked = AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).order_by("-attempt_time")
        return super().get_context_data(
            attempts=attempts,
            locked=locked,
            failure_limit=settings.AXES_FAILURE_LIMIT,
            lockout_minutes=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            **kwargs,
        )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``): why, and for how
    long, on the site's own page."""
    return render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "username": get_client_username(request, credentials) or "",
            "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    )


class SignInView(LoginView):
    """Django's sign-in page, with a button per single sign-on provider; without its password
    form when ``LOCAL_SIGN_IN`` is off."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            providers=[
                (key, provider["name"]) for key, provider in settings.OIDC_PROVIDERS.items()
            ],
            local_sign_in=settings.LOCAL_SIGN_IN,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not settings.LOCAL_SIGN_IN:
            raise PermissionDenied("Sign in with your organisation's account: passwords are off.")
        return super().post(request, *args, **kwargs)
