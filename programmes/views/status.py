"""The steps in a governance record's life that are not an edit: close a body, end a membership,
cancel a meeting, retire a glossary term, or undo one of those; delete a meeting added by
mistake. Each is a page that says what the step does and asks when or why, then calls the
service, which checks the user's rights again and the version the page was opened at."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView

from core.versioning import StaleEdit, conflict_summary
from programmes.forms.governance import ConfirmForm
from programmes.governance_services import REFUSED

from .mixins import ProgrammeMixin


def show_errors(form, error: ValidationError) -> None:
    """The service's refusal on the form: beside its field when the form has it, above the form
    otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)


class StatusChangeView(ProgrammeMixin, FormView):
    """Subclasses say which records (``get_queryset``), what the page says (``heading``,
    ``explanation``, ``button``) and what the step does (``act``)."""

    template_name = "programmes/status_form.html"
    form_class = ConfirmForm
    page_title = "Governance"
    list_url_name = "registers:governance"
    noun = "record"
    button = "Confirm"
    reason_label = ""
    reason_help = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.rights.can_manage_governance(self.programme):
            raise PermissionDenied(REFUSED)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        raise NotImplementedError

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def heading(self) -> str:
        raise NotImplementedError

    def explanation(self) -> list[str]:
        """Paragraphs saying what the step does, and to what."""
        return []

    def act(self, data: dict):
        raise NotImplementedError

    def done(self) -> str:
        raise NotImplementedError

    def list_url(self) -> str:
        return reverse(self.list_url_name, kwargs={"programme": self.programme.slug})

    def get_initial(self):
        return {"version": self.object.version}

    def get_form(self, form_class=None):
        return self.labelled(super().get_form(form_class))

    def labelled(self, form):
        if self.reason_label:  # a form asking why, shared by several steps
            form.fields["reason"].label = self.reason_label
            form.fields["reason"].help_text = self.reason_help
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=self.heading(),
            explanation=self.explanation(),
            button=self.button,
            noun=self.noun,
            list_url=self.list_url(),
            list_title=self.page_title,
            **kwargs,
        )

    def form_valid(self, form):
        try:
            self.act(form.cleaned_data)
        except StaleEdit as stale:
            return self.stale(form, stale)
        except ValidationError as error:
            show_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done())
        return redirect(self.list_url())

    def stale(self, form, stale: StaleEdit):
        """Someone saved the record since this page was opened: nothing is done; the page
        shows what they changed and asks again, at the version now."""
        conflict = conflict_summary(stale)
        self.__dict__["object"] = stale.current
        data = self.request.POST.copy()
        data["version"] = stale.current.version
        again = self.labelled(self.get_form_class()(data=data))
        again.is_valid()
        return self.render_to_response(self.get_context_data(form=again, conflict=conflict))
