"""A programme's list pages and registers: milestones (and milestones across programmes), risks
with their heat map, savings, budget, actions, meetings, timeline, governance and glossary; and
the forms that add and change risks, savings lines and actions.

Every page asks ``ProgrammeMixin`` whether its user may see the programme (403 otherwise) and
reads a fixed number of queries however many rows there are. Every change goes through
``core.records`` and is allowed by ``Rights.can_edit_record`` in the view as well as by
the form's choices, so a crafted POST for another service area gets 403 and changes nothing."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin

from core import records, savings
from core.audit import AUDIT_LENGTH, audit_trail
from core.versioning import StaleEdit, conflict_summary
from milestones.models import Milestone
from programmes import charts
from programmes.filters import ActionFilter, MilestoneFilter, RiskFilter
from programmes.models import (
    Action,
    BodyMembership,
    BudgetLine,
    Meeting,
    Risk,
    SavingsLine,
    ServiceArea,
)
from programmes.register_forms import (
    ActionCreateForm,
    ActionEditForm,
    RiskCreateForm,
    RiskEditForm,
    SavingsLineCreateForm,
    SavingsLineEditForm,
    TimelineRangeForm,
)
from programmes.rights import Rights
from programmes.tables import (
    ActionTable,
    MilestoneTable,
    RiskTable,
    SavingsLineTable,
    savings_line_words,
)
from reports.models import CommitteeReport

from .mixins import ProgrammeMixin


class RegisterMixin(ProgrammeMixin):
    """A page of a programme's registers."""

    page_title = ""

    @cached_property
    def may_add(self) -> bool:
        """Managers add anything; the people named on a service area add its risks, savings
        and actions."""
        return self.rights.can_manage_programme(self.programme) or (
            self.programme.pk in self.rights.named_area_programmes
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title,
            may_add=self.may_add,
            **kwargs,
        )


class FilteredListMixin:
    """``filtered`` in the context: whether any filter has a value (sorting and paging alone
    are not filtering)."""

    def get_context_data(self, **kwargs):
        filtered = any(self.request.GET.get(name) for name in self.filterset.filters)
        return super().get_context_data(filtered=filtered, **kwargs)


# --------------------------------------------------------------------------------------------------
# Milestones


def milestone_rows():
    return (
        Milestone.objects.select_related("service_area__programme", "stage", "owner")
        .prefetch_related("date_changes")
        .with_slipped()
    )


class MilestoneListView(FilteredListMixin, RegisterMixin, SingleTableMixin, FilterView):
    """A programme's milestones: sortable, filterable, fifty to a page."""

    page_title = "Milestones"
    template_name = "registers/milestone_list.html"
    filterset_class = MilestoneFilter
    table_class = MilestoneTable
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return milestone_rows().for_programme(self.programme).in_report_order()

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "programme": self.programme}

    def get_table_kwargs(self):
        return {
            "caption": f"Milestones of {self.programme.name}",
            "programme": self.programme,
            "rights": self.rights,
            "exclude": ("programme",),
        }


class AllMilestonesView(FilteredListMixin, LoginRequiredMixin, SingleTableMixin, FilterView):
    """Milestones of every programme the user may see."""

    template_name = "registers/all_milestones.html"
    filterset_class = MilestoneFilter
    table_class = MilestoneTable
    table_pagination = {"per_page": 50}

    @cached_property
    def rights(self) -> Rights:
        return Rights.of(self.request.user)

    @cached_property
    def programme_ids(self) -> list[int]:
        return list(self.rights.visible_programmes().values_list("pk", flat=True))

    def get_queryset(self):
        return (
            milestone_rows()
            .filter(service_area__programme__in=self.programme_ids)
            .order_by(
                "service_area__programme__name",
                "service_area__order",
                "service_area_id",
                "order",
                "planned_start_earliest",
                "id",
            )
        )

    def get_filterset_kwargs(self, filterset_class):
        return {
            **super().get_filterset_kwargs(filterset_class),
            "programmes": self.programme_ids,
        }

    def get_table_kwargs(self):
        return {"caption": "Milestones of all your programmes", "rights": self.rights}


# --------------------------------------------------------------------------------------------------
# Risks


class RiskRegisterView(FilteredListMixin, RegisterMixin, SingleTableMixin, FilterView):
    """The risk log and its likelihood-by-impact heat map, for the same filtered risks."""

    page_title = "Risk register"
    template_name = "registers/risk_list.html"
    filterset_class = RiskFilter
    table_class = RiskTable
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return self.programme.risks.select_related("service_area").order_by(
            "-is_open", "order", "id"
        )

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "programme": self.programme}

    def get_table_kwargs(self):
        return {
            "caption": f"Risks of {self.programme.name}",
            "programme": self.programme,
            "rights": self.rights,
            "exclude": () if self.may_add else ("change",),
        }

    def get_context_data(self, **kwargs):
        open_risks = [risk for risk in self.object_list if risk.is_open]
        label = self.programme.risk_level_label
        unplaced = [
            {
                "risk": risk,
                "likelihood": label(risk.likelihood) or "not assessed",
                "impact": label(risk.impact) or "not assessed",
            }
            for risk in charts.unplaced_risks(open_risks, self.programme)
        ]
        return super().get_context_data(
            heatmap=charts.risk_heatmap(open_risks, self.programme),
            levels=self.programme.risk_levels(),
            unplaced=unplaced,
            **kwargs,
        )


# --------------------------------------------------------------------------------------------------
# Savings


class SavingsView(RegisterMixin, TemplateView):
    """Savings by financial year (cashable and non-cashable apart), cumulative, the lines with
    no year, the chart, every line, and the re-allocations."""

    page_title = "Savings"
    template_name = "registers/savings.html"

    def get_context_data(self, **kwargs):
        lines = list(
            self.programme.savingslines.select_related("service_area").order_by(
                "financial_year", "order", "id"
            )
        )
        kinds = savings.by_kind_and_year(lines, SavingsLine.Kind.choices)
        table = SavingsLineTable(
            lines,
            caption=f"Every savings line of {self.programme.name}",
            programme=self.programme,
            rights=self.rights,
            exclude=() if self.may_add else ("change",),
        )
        RequestConfig(self.request, paginate=False).configure(table)
        reallocations = list(
            self.programme.savingsreallocations.select_related("service_area").order_by(
                "order", "id"
            )
        )
        return super().get_context_data(
            kinds=kinds,
            undated=[line for line in lines if line.financial_year is None],
            chart=charts.savings_chart_svg(self.programme, lines=lines),
            table=table,
            reallocations=reallocations,
            reallocated_total=sum(
                (r.amount for r in reallocations if r.amount is not None), Decimal(0)
            ),
            **kwargs,
        )


# --------------------------------------------------------------------------------------------------
# Budget

BUDGET_FIGURES = ("allocation", "estimated_cost", "spent", "estimated_savings")


@dataclass
class BudgetRow:
    """A row of the budget table: a line (``line``) or the total of some lines' sub-lines."""

    depth: int
    number: str
    line: BudgetLine | None = None
    total_of: BudgetLine | None = None
    totals: dict = field(default_factory=dict)


def add_up(lines) -> dict:
    totals = {}
    for name in BUDGET_FIGURES:
        values = [getattr(line, name) for line in lines if getattr(line, name) is not None]
        totals[name] = sum(values, Decimal(0)) if values else None
    return totals


def budget_rows(lines: list[BudgetLine]) -> tuple[list[BudgetRow], dict]:
    """The lines in order, each followed by its sub-lines (numbered 1, 1.1, 1.1.1) and, after
    the sub-lines, a row with their totals; and the totals of the top-level lines."""
    children: dict[int | None, list[BudgetLine]] = {}
    for line in lines:
        children.setdefault(line.parent_id, []).append(line)
    rows: list[BudgetRow] = []

    def walk(parent_id, prefix: str, depth: int):
        for index, line in enumerate(children.get(parent_id, []), start=1):
            number = f"{prefix}{index}"
            rows.append(BudgetRow(depth=depth, number=number, line=line))
            subs = children.get(line.pk, [])
            if subs:
                walk(line.pk, f"{number}.", depth + 1)
                rows.append(
                    BudgetRow(depth=depth + 1, number=number, total_of=line, totals=add_up(subs))
                )

    walk(None, "", 0)
    return rows, add_up(children.get(None, []))


def top_level_order(line: BudgetLine):
    area = line.service_area
    return (
        area is not None,
        area.order if area else 0,
        area.pk if area else 0,
        line.order,
        line.pk,
    )


class BudgetView(RegisterMixin, TemplateView):
    page_title = "Budget"
    template_name = "registers/budget.html"

    def get_context_data(self, **kwargs):
        lines = list(
            self.programme.budgetlines.select_related("service_area").order_by("order", "id")
        )
        lines.sort(key=lambda line: top_level_order(line) if line.parent_id is None else (0,))
        rows, totals = budget_rows(lines)
        return super().get_context_data(rows=rows, totals=totals, **kwargs)


# --------------------------------------------------------------------------------------------------
# Actions


class ActionListView(FilteredListMixin, RegisterMixin, SingleTableMixin, FilterView):
    """Follow-on, equality impact and work programme actions."""

    page_title = "Actions"
    template_name = "registers/action_list.html"
    filterset_class = ActionFilter
    table_class = ActionTable
    table_pagination = {"per_page": 50}

    def get_queryset(self):
        return self.programme.actions.select_related("service_area").order_by(
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


# --------------------------------------------------------------------------------------------------
# Meetings, governance, glossary


class MeetingListView(RegisterMixin, TemplateView):
    """Meetings of the programme's bodies, upcoming and past, with what each receives."""

    page_title = "Meetings"
    template_name = "registers/meetings.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        meetings = list(
            Meeting.objects.filter(body__programme=self.programme)
            .select_related("body")
            .prefetch_related(
                Prefetch(
                    "milestones",
                    queryset=Milestone.objects.select_related("service_area").order_by(
                        "service_area__order", "order", "id"
                    ),
                ),
                Prefetch(
                    "committee_reports",
                    queryset=CommitteeReport.objects.filter(programme=self.programme),
                ),
            )
            .order_by("date", "id")
        )
        sections = [
            {
                "id": "upcoming",
                "title": "Upcoming meetings",
                "meetings": [m for m in meetings if m.date >= today],
                "empty": "No meetings are planned from today on.",
            },
            {
                "id": "past",
                "title": "Past meetings, latest first",
                "meetings": [m for m in reversed(meetings) if m.date < today],
                "empty": "No meetings have been held yet.",
            },
        ]
        return super().get_context_data(today=today, sections=sections, **kwargs)


class GovernanceView(RegisterMixin, TemplateView):
    page_title = "Governance"
    template_name = "registers/governance.html"

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
    template_name = "registers/glossary.html"

    def get_context_data(self, **kwargs):
        terms = self.programme.glossary.order_by(Lower("term"), "term")
        return super().get_context_data(terms=list(terms), **kwargs)


# --------------------------------------------------------------------------------------------------
# Timeline


class TimelineView(RegisterMixin, TemplateView):
    """The Gantt chart, and the same dates as a table."""

    page_title = "Timeline"
    template_name = "registers/timeline.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = TimelineRangeForm(self.request.GET or None, programme=self.programme)
        start = months = area = None
        if form.is_bound and form.is_valid():
            start = form.cleaned_data["start"]
            months = form.cleaned_data["months"]
            area = form.cleaned_data["area"]
        rows = charts.timeline_rows(self.programme, areas=[area] if area else None)
        first, default_months = charts.timeline_range(rows, today=today)
        first = charts.month_start(start) if start else first
        months = months or default_months
        svg = charts.timeline_svg(
            self.programme, today=today, start=first, months=months, rows=rows
        )
        return super().get_context_data(
            form=form,
            svg=svg,
            rows=rows,
            first=first,
            last=charts.add_months(first, months - 1),
            today=today,
            **kwargs,
        )


# --------------------------------------------------------------------------------------------------
# Adding and changing risks, savings lines and actions


class RecordCreateView(RegisterMixin, FormView):
    """Add a record to a register. Only those who may add (``may_add``) see the form; the
    service area posted must be one the user may change, or the answer is 403."""

    template_name = "registers/record_form.html"
    model: type = None
    list_url_name = ""
    noun = ""
    a_noun = ""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.allowed():
            raise PermissionDenied(f"You cannot add or change this programme's {self.noun}s.")
        return super().dispatch(request, *args, **kwargs)

    def allowed(self) -> bool:
        return self.may_add

    def post(self, request, *args, **kwargs):
        self.refuse_other_areas()
        return super().post(request, *args, **kwargs)

    def refuse_other_areas(self) -> None:
        """403 when the posted service area is one the user may not change (or is not in this
        programme). Words that are not an id are left to the form to refuse politely."""
        raw = self.request.POST.get("service_area", "").strip()
        if raw and not raw.isdigit():
            return
        area_id = int(raw) if raw else None
        if (
            area_id is not None
            and not ServiceArea.objects.filter(pk=area_id, programme=self.programme).exists()
        ):
            raise PermissionDenied("That service area is not part of this programme.")
        probe = self.model(programme=self.programme, service_area_id=area_id)
        if not self.rights.can_edit_record(probe):
            raise PermissionDenied(
                f"You can only add or change {self.noun}s of the service areas you are named on."
            )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "programme": self.programme, "rights": self.rights}

    def get_initial(self):
        # "Add a risk" on a service-area page starts with that area chosen; the form's choices
        # still decide what may be picked.
        initial = super().get_initial()
        if area := self.request.GET.get("service_area"):
            initial["service_area"] = area
        return initial

    def list_url(self) -> str:
        return reverse(self.list_url_name, kwargs={"programme": self.programme.slug})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            heading=f"Add {self.a_noun}",
            noun=self.noun,
            list_url=self.list_url(),
            list_title=self.page_title,
            **kwargs,
        )

    def form_valid(self, form):
        if "check" in self.request.POST:  # "Check dates": show the readings, save nothing
            return self.render_to_response(self.get_context_data(form=form, checked=True))
        try:
            record = self.save(form)
        except ValidationError as error:
            return self.refused(form, error)
        if record is None:
            messages.info(self.request, "Nothing was changed.")
        else:
            messages.success(self.request, self.saved_message(record))
            if warning := getattr(form, "warning", ""):  # saved, but worth a second look
                messages.warning(self.request, warning)
        return redirect(self.list_url())

    def save(self, form):
        return records.record_create(record=form.instance, by=self.request.user)

    def describe(self, record) -> str:
        return f"the {self.noun} “{record}”"

    def saved_message(self, record) -> str:
        return f"Added {self.describe(record)}."

    def refused(self, form, error: ValidationError):
        """Rules the service enforces (the model's checks) shown next to the fields."""
        for name, problems in error.message_dict.items():
            target = f"{name}_text" if f"{name}_text" in form.fields else name
            for problem in problems:
                form.add_error(target if target in form.fields else None, problem)
        return self.form_invalid(form)


class RecordEditView(RecordCreateView):
    """Change a record. The form carries the version it was opened at; if someone saved in
    between, nothing is saved and the form comes back with what this user typed and what the
    other person changed."""

    def allowed(self) -> bool:
        return self.rights.can_edit_record(self.object)

    @cached_property
    def object(self):
        return get_object_or_404(
            self.model.objects.select_related("service_area"),
            programme=self.programme,
            pk=self.kwargs["pk"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except StaleEdit as stale:  # only an edit can find someone else saved first
            return self.conflict(form, stale)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Change {self.describe(self.object)}"
        context["object"] = self.object
        history = self.object.history.select_related("history_user")[: AUDIT_LENGTH + 1]
        context["audit"] = audit_trail(list(history))
        return context

    def save(self, form):
        changes = form.changes()
        if not changes:
            return None
        fresh = self.model.objects.get(pk=self.object.pk)
        before = fresh.version
        records.record_edit(
            record=fresh,
            opened_version=form.cleaned_data["version"],
            changes=changes,
            by=self.request.user,
        )
        return fresh if fresh.version != before else None  # None: nothing actually changed

    def saved_message(self, record) -> str:
        return f"Saved {self.describe(record)}."

    def conflict(self, form, stale: StaleEdit):
        current = stale.current

        def show(name):
            return (
                form.current_value(current, name) if name in form.fields else getattr(current, name)
            )

        conflict = conflict_summary(stale, show=show)  # before the form copies the typing on
        refreshed = self.get_form_class()(
            data=form.rebased_data(current),
            instance=current,
            programme=self.programme,
            rights=self.rights,
        )
        refreshed.is_valid()
        return self.render_to_response(
            self.get_context_data(
                form=refreshed,
                conflict=conflict,
            )
        )


class RiskCreateView(RecordCreateView):
    page_title = "Risk register"
    model = Risk
    form_class = RiskCreateForm
    list_url_name = "registers:risks"
    noun = "risk"
    a_noun = "a risk"


class RiskEditView(RecordEditView):
    page_title = "Risk register"
    model = Risk
    form_class = RiskEditForm
    list_url_name = "registers:risks"
    noun = "risk"
    a_noun = "a risk"


class SavingsLineCreateView(RecordCreateView):
    page_title = "Savings"
    model = SavingsLine
    form_class = SavingsLineCreateForm
    list_url_name = "registers:savings"
    noun = "savings line"
    a_noun = "a savings line"

    def describe(self, record) -> str:
        return f"the {savings_line_words(record)} savings line"


class SavingsLineEditView(RecordEditView):
    page_title = "Savings"
    model = SavingsLine
    form_class = SavingsLineEditForm
    list_url_name = "registers:savings"
    noun = "savings line"
    a_noun = "a savings line"

    def describe(self, record) -> str:
        return f"the {savings_line_words(record)} savings line"


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
