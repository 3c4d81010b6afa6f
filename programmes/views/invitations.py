"""Accepting an invitation to sign in: Django's own password-reset page, for a login that is
waiting for its invitation to be accepted. Setting the password switches the login on and signs
the person in, with the rights their person and access give them."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.shortcuts import redirect

from programmes.invitations import awaiting_invitation, invitation_accept
from programmes.models import Person


class AcceptInvitationView(PasswordResetConfirmView):
    template_name = "registration/invitation_accept.html"
    # Signed in with the password just chosen (there are other ways to sign in too).
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"

    def dispatch(self, *args, **kwargs):
        if not settings.LOCAL_SIGN_IN:
            # No password to choose: single sign-on finds the invited person by their address.
            messages.info(
                self.request,
                "Passwords are switched off here: sign in with your organisation's account.",
            )
            return redirect(settings.LOGIN_URL)
        return super().dispatch(*args, **kwargs)

    def get_user(self, uidb64):
        login = super().get_user(uidb64)
        # The link of an invitation accepted already (or of a login that signs in already) is
        # refused, whatever its token: it is an invitation, not a password reset.
        return login if login is not None and awaiting_invitation(login) else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.validlink:
            context["person"] = Person.objects.filter(user=self.user).first()
            context["username"] = self.user.get_username()
        return context

    def form_valid(self, form):
        login = invitation_accept(login=self.user, password=form.cleaned_data["new_password1"])
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        auth_login(self.request, login, self.post_reset_login_backend)
        messages.success(
            self.request,
            f"Welcome. Your password is set and you are signed in as {login.get_username()}.",
        )
        return redirect("programmes:my-work")
