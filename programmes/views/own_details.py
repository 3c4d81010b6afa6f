"""My e-mail: anyone signed in sets their own e-mail address and chooses the weekly digest or
not, without asking their programme office. ``people_services.own_details_edit`` checks again
that the record is theirs."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.versioning import StaleEdit, conflict_summary
from programmes import people_services
from programmes.forms.person import OwnDetailsForm
from programmes.models import Person

from .people import refused


class OwnDetailsView(LoginRequiredMixin, FormView):
    template_name = "programmes/own_details.html"
    form_class = OwnDetailsForm

    @cached_property
    def person(self) -> Person | None:
        return Person.objects.filter(user=self.request.user).first()

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.person}

    def get_form(self, form_class=None):
        return super().get_form(form_class) if self.person else None

    def post(self, request, *args, **kwargs):
        if self.person is None:
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, noun="record", **kwargs)

    def form_valid(self, form):
        try:
            people_services.own_details_edit(
                person=Person.objects.get(pk=self.person.pk),
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                by=self.request.user,
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)  # before the form copies the typing onto it
            refreshed = OwnDetailsForm(
                data=form.rebased_data(stale.current), instance=stale.current
            )
            refreshed.is_valid()
            return self.render_to_response(self.get_context_data(form=refreshed, conflict=conflict))
        except ValidationError as error:
            return refused(self, form, error)
        person = Person.objects.get(pk=self.person.pk)
        digest = "you get the weekly digest" if person.wants_digest else "no weekly digest"
        address = person.email or "no e-mail address: nothing will be sent to you"
        messages.success(self.request, f"Saved: {address}; {digest}.")
        return redirect(reverse("people:my-email"))
