"""A programme's open-data page: its managers choose what it publishes (kept with its history,
versioned like every record), and everyone who can see the programme finds the public
addresses there."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from core import records
from core.edit_forms import show_refusal
from core.versioning import StaleEdit, conflict_summary
from programmes.views.mixins import ProgrammeMixin

from ..forms import PublicationForm
from ..models import Publication


class PublicationView(ProgrammeMixin, FormView):
    template_name = "api/publication_form.html"
    form_class = PublicationForm

    def publication(self) -> Publication:
        found = Publication.objects.filter(programme=self.programme).first()
        return found or Publication(programme=self.programme)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.publication()}

    def get_context_data(self, **kwargs):
        publication = self.publication()
        files = []
        for kind, words in (("milestones", "Milestones"), ("savings", "Savings by financial year")):
            if getattr(publication, kind) and publication.pk:
                files.append(
                    {
                        "words": words,
                        "links": [
                            self.request.build_absolute_uri(
                                reverse(
                                    "open-data",
                                    kwargs={
                                        "programme": self.programme.slug,
                                        "kind": kind,
                                        "extension": extension,
                                    },
                                )
                            )
                            for extension in ("csv", "json")
                        ],
                    }
                )
        return super().get_context_data(files=files, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.rights.can_manage_programme(self.programme):
            raise PermissionDenied("Only this programme's managers can choose what it publishes.")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        publication = form.instance
        try:
            if publication.pk is None:
                records.record_create(record=publication, by=self.request.user)
            else:
                fresh = Publication.objects.get(pk=publication.pk)
                records.record_edit(
                    record=fresh,
                    opened_version=form.cleaned_data["version"],
                    changes=form.changes(),
                    by=self.request.user,
                )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            again = PublicationForm(data=form.rebased_data(stale.current), instance=stale.current)
            return self.render_to_response(self.get_context_data(form=again, conflict=conflict))
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, "Saved what the programme publishes.")
        return redirect("programme-open-data", programme=self.programme.slug)
