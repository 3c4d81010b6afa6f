"""Actions (follow-on, equality impact, work programme): the list, and adding and changing one."""

from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from programmes.filters import ActionFilter
from programmes.forms.actions import ActionCreateForm, ActionEditForm
from programmes.models import Action
from programmes.tables import ActionTable

from .mixins import FilteredListMixin, RegisterMixin
from .records import RecordCreateView, RecordEditView


class ActionListView(FilteredListMixin, RegisterMixin, SingleTableMixin, FilterView):
    """Follow-on, equality impact and work programme actions."""

    page_title = "Actions"
    template_name = "programmes/action_list.html"
    filterset_class = ActionFilter
    table_class = ActionTable
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        actions = self.programme.actions.select_related("service_area")
        return self.rights.scope(actions).order_by(
            "service_area__order", "service_area_id", "order", "id"
        )

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "programme": self.programme}

    def get_table_kwargs(self):
        exclude = [] if self.may_add else ["change"]
        if not self.object_list.filter(kind=Action.Kind.EQUALITY_IMPACT).exists():
            exclude.extend(ActionTable.EQUALITY_COLUMNS)
        return {
            "caption": f"Actions of {self.programme.name}",
            "programme": self.programme,
            "rights": self.rights,
            "exclude": exclude,
        }


class ActionCreateView(RecordCreateView):
    page_title = "Actions"
    model = Action
    form_class = ActionCreateForm
    list_url_name = "registers:actions"
    noun = "action"
    a_noun = "an action"


class ActionEditView(RecordEditView):
    page_title = "Actions"
    model = Action
    form_class = ActionEditForm
    list_url_name = "registers:actions"
    noun = "action"
    a_noun = "an action"
