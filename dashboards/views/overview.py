from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.generic import TemplateView

from dashboards import selectors
from dashboards.overview import programme_overview
from programmes.rights import Rights
from programmes.views.mixins import ProgrammeMixin


class MyWorkView(LoginRequiredMixin, TemplateView):
    """Home: what this user looks after and what needs doing soon."""

    template_name = "programmes/my_work.html"

    def get_context_data(self, **kwargs):
        rights = Rights.of(self.request.user)
        return super().get_context_data(
            work=selectors.my_work(user=self.request.user, rights=rights), **kwargs
        )


class ProgrammeListView(LoginRequiredMixin, TemplateView):
    template_name = "programmes/programme_list.html"

    def get_context_data(self, **kwargs):
        rights = Rights.of(self.request.user)
        programmes = rights.visible_programmes().select_related("lead_organisation")
        return super().get_context_data(programmes=programmes, **kwargs)


class OverviewView(ProgrammeMixin, TemplateView):
    """The programme manager's view at a glance."""

    template_name = "programmes/overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            overview=programme_overview(programme=self.programme, rights=self.rights),
            **kwargs,
        )
