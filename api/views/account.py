"""Your account: one page (``AccountView``) saying where you stand — your e-mail address and
weekly digest, your password, where you are signed in (and signing out everywhere), your API
tokens and calendar links — with a way to each; and the pages where users make and revoke their
personal API tokens and calendar links. A new secret is shown once, on the page that made it;
the lists show only its first characters. It lives here, the highest of the apps it reads."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.models import SignedInSession
from programmes.models import Person
from programmes.rights import Rights

from .. import keys
from ..forms import CalendarLinkForm, TokenForm
from ..models import ApiToken, CalendarLink


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            person=Person.objects.filter(user=user).first(),
            has_password=user.has_usable_password(),
            sessions=SignedInSession.objects.filter(user=user).count(),
            tokens=ApiToken.objects.filter(user=user, revoked_at__isnull=True).count(),
            calendars=CalendarLink.objects.filter(user=user, revoked_at__isnull=True).count(),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class SecretsView(LoginRequiredMixin, TemplateView):
    """A user's secrets of one kind, and the form that makes another."""

    model: type = ApiToken
    start = keys.TOKEN_START

    def secrets(self):
        return self.model.objects.filter(user=self.request.user)

    def form(self, data=None):
        return TokenForm(data)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form())
        return super().get_context_data(secrets=self.secrets(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        record, secret = keys.issue(
            self.model, user=request.user, start=self.start, **form.cleaned_data
        )
        return self.render_to_response(
            self.get_context_data(made=record, secret=self.shown(secret), form=self.form())
        )

    def shown(self, secret: str) -> str:
        return secret


class ApiTokensView(SecretsView):
    template_name = "api/token_list.html"


class CalendarLinksView(SecretsView):
    template_name = "api/calendarlink_list.html"
    model = CalendarLink
    start = keys.CALENDAR_START

    def secrets(self):
        return super().secrets().select_related("programme")

    def form(self, data=None):
        return CalendarLinkForm(data, programmes=Rights.of(self.request.user).visible_programmes())

    def shown(self, secret: str) -> str:
        return self.request.build_absolute_uri(reverse("calendar-feed", kwargs={"secret": secret}))


class RevokeView(LoginRequiredMixin, View):
    """Revoke one of the user's own secrets (anyone else's is a 404)."""

    model: type = ApiToken
    back = "api-tokens"

    def post(self, request, pk):
        record = get_object_or_404(self.model, pk=pk, user=request.user)
        keys.revoke(record, by=request.user)
        messages.success(request, f"Revoked “{record.name}”: it no longer works.")
        return redirect(self.back)
