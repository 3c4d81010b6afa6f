"""A programme's People page and each person's page: adding and changing people, inviting them
to sign in, and giving and withdrawing their access to the programme. Only the programme's
managers and administrators (``Rights.can_manage_people``); the services check again."""

import contextlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.audit import AUDIT_LENGTH, audit_trail
from core.versioning import StaleEdit, conflict_summary
from programmes import invitations, people_services
from programmes.forms.person import AccessForm, PersonEditForm, PersonForm
from programmes.models import Person
from programmes.people_selectors import ACCESS_WORDS, access_history, people_of, people_rows
from programmes.rights import Rights

from .mixins import ProgrammeMixin

ACCESS_HISTORY_LENGTH = 50


class PeopleMixin(ProgrammeMixin):
    """A page or action of a programme's People page: its managers' and administrators'."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.rights.can_manage_people(self.programme):
            raise PermissionDenied("Only the programme's managers can see and change its people.")
        return super().dispatch(request, *args, **kwargs)

    def people_url(self) -> str:
        return reverse("people:list", kwargs={"programme": self.programme.slug})

    def person_url(self, person) -> str:
        return reverse("people:person", kwargs={"programme": self.programme.slug, "pk": person.pk})


class PersonMixin(PeopleMixin):
    """A page or action about one of the programme's people (404 for anyone else)."""

    @cached_property
    def person(self) -> Person:
        return get_object_or_404(people_of(self.programme), pk=self.kwargs["pk"])

    @cached_property
    def row(self):
        return people_rows(self.programme, self.rights, [self.person])[0]


class PeopleView(PeopleMixin, TemplateView):
    template_name = "programmes/person_list.html"

    def get_context_data(self, **kwargs):
        rows = people_rows(self.programme, self.rights)
        return super().get_context_data(
            rows=rows,
            no_email=[row.person for row in rows if not row.person.email],
            access_history=access_history(self.programme)[:ACCESS_HISTORY_LENGTH],
            **kwargs,
        )


class PersonCreateView(PeopleMixin, FormView):
    template_name = "programmes/record_form.html"
    form_class = PersonForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading="Add a person",
            noun="person",
            list_url=self.people_url(),
            list_title="People",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            person = people_services.person_add(
                programme=self.programme,
                person=form.instance,
                by=self.request.user,
                new_organisation=form.cleaned_data["new_organisation"],
            )
        except ValidationError as error:
            return refused(self, form, error)
        messages.success(self.request, f"Added {person.name} to the programme's people.")
        return redirect(self.person_url(person))


class PersonView(PersonMixin, FormView):
    """A person's page: their details (a form, if this user may change them), whether they can
    sign in, their access to the programme, and the history of both."""

    template_name = "programmes/person_detail.html"
    form_class = PersonEditForm

    def post(self, request, *args, **kwargs):
        if not self.row.may_change:
            raise PermissionDenied(people_services.NOT_YOURS.format(name=self.person.name))
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.person}

    def get_context_data(self, **kwargs):
        history = self.person.history.select_related("history_user")[: AUDIT_LENGTH + 1]
        return super().get_context_data(
            person=self.person,
            row=self.row,
            object=self.person,
            noun="person",
            audit=audit_trail(list(history)),
            access_form=AccessForm(
                initial={"role": self.row.access_role}, programme=self.programme
            ),
            access_history=access_history(self.programme, login=self.person.user)
            if self.person.user_id
            else [],
            lasts=invitations.link_lasts(),
            sign_in_name=invitations.sign_in_name(self.person),
            not_yours=people_services.NOT_YOURS.format(name=self.person.name),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            people_services.person_edit(
                programme=self.programme,
                person=Person.objects.get(pk=self.person.pk),
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                by=self.request.user,
                new_organisation=form.cleaned_data["new_organisation"],
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            refreshed = PersonEditForm(
                data=form.rebased_data(stale.current), instance=stale.current
            )
            refreshed.is_valid()
            return self.render_to_response(self.get_context_data(form=refreshed, conflict=conflict))
        except ValidationError as error:
            return refused(self, form, error)
        messages.success(self.request, f"Saved {self.person.name}'s details.")
        return redirect(self.person_url(self.person))


def refused(view, form, error: ValidationError):
    """The service's refusal (the model's checks) shown next to the fields."""
    if hasattr(error, "error_dict"):
        for name, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(name if name in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)
    return view.form_invalid(form)


class InviteView(PersonMixin, View):
    """Send (or send again) the e-mail inviting a person to sign in."""

    def post(self, request, *args, **kwargs):
        try:
            invitation = invitations.invitation_send(
                programme=self.programme,
                person=self.person,
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except OSError as error:  # the mail server refused or did not answer: nothing was kept
            messages.error(
                request,
                f"The invitation could not be sent: the mail server did not take it ({error}). "
                "Nothing has changed; try again later, or ask an administrator to check the "
                "e-mail settings.",
            )
        else:
            messages.success(
                request,
                f"Invitation sent to {self.person.name} at {invitation.email}. The link in it "
                f"works for {invitations.link_lasts()}.",
            )
        return redirect(self.person_url(self.person))


class AccessGrantView(PersonMixin, View):
    """Give a person's login manager or reader access to the programme, or change it."""

    def post(self, request, *args, **kwargs):
        form = AccessForm(request.POST, programme=self.programme)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect(self.person_url(self.person))
        try:
            access = people_services.access_grant(
                programme=self.programme,
                person=self.person,
                role=form.cleaned_data["role"],
                partner=form.cleaned_data["partner"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"{self.person.name} now has {ACCESS_WORDS[access.role]} access to the programme.",
            )
        return self.back()

    def back(self):
        # Someone who has just given away their own manager access may no longer see the page.
        with contextlib.suppress(AttributeError):
            del self.request.user._programme_rights
        if Rights.of(self.request.user).can_manage_people(self.programme):
            return redirect(self.person_url(self.person))
        return redirect("programmes:my-work")


class AccessWithdrawView(AccessGrantView):
    def post(self, request, *args, **kwargs):
        try:
            people_services.access_withdraw(
                programme=self.programme, person=self.person, by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"Withdrew {self.person.name}'s access to the programme. The access history "
                "below keeps who had it and who withdrew it.",
            )
        return self.back()
