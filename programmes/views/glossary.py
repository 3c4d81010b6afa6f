"""A programme's glossary (the Key its reports print): the page listing its terms, and the
pages where its managers add, change, retire and restore a term."""

from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from programmes import governance_services as services
from programmes.forms.governance import GlossaryTermEditForm, GlossaryTermForm, ReasonForm
from programmes.models import GlossaryTerm

from .governance import KeepsGovernance
from .mixins import RegisterMixin
from .records import RecordCreateView, RecordEditView
from .status import StatusChangeView


class GlossaryView(RegisterMixin, TemplateView):
    page_title = "Glossary"
    template_name = "programmes/glossaryterm_list.html"

    def get_context_data(self, **kwargs):
        terms = list(self.programme.glossary.order_by(Lower("term"), "term"))
        return super().get_context_data(
            terms=[term for term in terms if not term.is_retired],
            retired=[term for term in terms if term.is_retired],
            can_keep=self.rights.can_manage_governance(self.programme),
            **kwargs,
        )


class TermPages(KeepsGovernance):
    page_title = "Glossary"
    list_url_name = "registers:glossary"
    model = GlossaryTerm
    noun = "term"
    a_noun = "a term"


class TermCreateView(TermPages, RecordCreateView):
    form_class = GlossaryTermForm


class TermEditView(TermPages, RecordEditView):
    form_class = GlossaryTermEditForm

    @cached_property
    def object(self):
        return get_object_or_404(
            GlossaryTerm.objects.filter(programme=self.programme), pk=self.kwargs["pk"]
        )


class TermStatusView(StatusChangeView):
    page_title = "Glossary"
    list_url_name = "registers:glossary"
    noun = "term"

    def get_queryset(self):
        return GlossaryTerm.objects.filter(programme=self.programme)


class TermRetireView(TermStatusView):
    form_class = ReasonForm
    button = "Retire the term"
    reason_label = "Why is it retired?"
    reason_help = "e.g. “The group was renamed the Joint Improvement Board”."

    def heading(self):
        return f"Retire “{self.object.term}”"

    def explanation(self):
        return [
            f"“{self.object.term}: {self.object.meaning}” stays on record, among the retired "
            "terms, but the reports' Key leaves it out from now on. It can be restored."
        ]

    def act(self, data):
        services.term_retire(
            term=self.object,
            opened_version=data["version"],
            reason=data["reason"],
            by=self.request.user,
        )

    def done(self):
        return f"Retired “{self.object.term}”: the reports' Key leaves it out."


class TermRestoreView(TermStatusView):
    button = "Restore the term"

    def heading(self):
        return f"Restore “{self.object.term}”"

    def explanation(self):
        term = self.object
        return [
            f"It was retired: {term.retired_reason}" if term.is_retired else "It is in use.",
            "Restored, the reports' Key explains it again.",
        ]

    def act(self, data):
        services.term_restore(
            term=self.object, opened_version=data["version"], by=self.request.user
        )

    def done(self):
        return f"Restored “{self.object.term}”: the reports' Key explains it again."
