"""A programme's governance bodies and its glossary."""

from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.views.generic import TemplateView

from programmes.models import BodyMembership

from .mixins import RegisterMixin


class GovernanceView(RegisterMixin, TemplateView):
    page_title = "Governance"
    template_name = "programmes/governancebody_list.html"

    def get_context_data(self, **kwargs):
        bodies = self.programme.governance_bodies.select_related("parent").prefetch_related(
            Prefetch(
                "memberships",
                queryset=BodyMembership.objects.select_related("person__organisation"),
            )
        )
        return super().get_context_data(bodies=list(bodies), **kwargs)


class GlossaryView(RegisterMixin, TemplateView):
    page_title = "Glossary"
    template_name = "programmes/glossaryterm_list.html"

    def get_context_data(self, **kwargs):
        terms = self.programme.glossary.order_by(Lower("term"), "term")
        return super().get_context_data(terms=list(terms), **kwargs)
