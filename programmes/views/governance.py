"""A programme's governance bodies: the page that lists them with their terms of reference and
members, and the pages where its managers add and change a body, close or reopen it, and add,
change or end a membership. Everyone who sees the programme reads the page; only those who may
keep its governance (``Rights.can_manage_governance``) see the buttons or reach the forms."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from programmes import governance_services as services
from programmes.forms.governance import (
    BodyCloseForm,
    BodyEditForm,
    BodyForm,
    MembershipEditForm,
    MembershipEndForm,
    MembershipForm,
)
from programmes.models import BodyMembership, GovernanceBody

from .mixins import RegisterMixin
from .records import RecordCreateView, RecordEditView
from .status import StatusChangeView


class GovernanceView(RegisterMixin, TemplateView):
    page_title = "Governance"
    template_name = "programmes/governancebody_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        bodies = list(
            self.programme.governance_bodies.select_related("parent").prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=BodyMembership.objects.select_related("person__organisation"),
                )
            )
        )
        for body in bodies:
            members = body.memberships.all()
            body.current_members = [m for m in members if not m.has_left_by(today)]
            body.former_members = [m for m in members if m.has_left_by(today)]
            if body.closed_on:
                body.members_at_close = [m for m in members if m.is_member_on(body.closed_on)]
        return super().get_context_data(
            bodies=[body for body in bodies if body.is_open_on(today)],
            closed_bodies=[body for body in bodies if not body.is_open_on(today)],
            can_keep=self.rights.can_manage_governance(self.programme),
            **kwargs,
        )


class KeepsGovernance:
    """A page that changes the programme's governance: only those who may keep it reach it (a
    typed address or a crafted form from anyone else is refused with 403), and every write goes
    through ``programmes.governance_services``, which asks again."""

    page_title = "Governance"
    list_url_name = "registers:governance"

    def allowed(self) -> bool:
        return self.rights.can_manage_governance(self.programme)

    def refuse_other_areas(self) -> None:
        """Governance belongs to the programme as a whole, not to a service area."""

    def create(self, **kwargs):
        return services.governance_create(**kwargs)

    def edit(self, **kwargs):
        return services.governance_edit(**kwargs)


# --- Bodies --------------------------------------------------------------------------------------


class BodyCreateView(KeepsGovernance, RecordCreateView):
    model = GovernanceBody
    form_class = BodyForm
    noun = "body"
    a_noun = "a governance body"


class BodyEditView(KeepsGovernance, RecordEditView):
    model = GovernanceBody
    form_class = BodyEditForm
    noun = "body"
    a_noun = "a governance body"

    @cached_property
    def object(self):
        return get_object_or_404(
            GovernanceBody.objects.filter(programme=self.programme), pk=self.kwargs["pk"]
        )


class BodyStatusView(StatusChangeView):
    noun = "body"

    def get_queryset(self):
        return GovernanceBody.objects.filter(programme=self.programme)


class BodyCloseView(BodyStatusView):
    form_class = BodyCloseForm
    button = "Close the body"

    def get_initial(self):
        return {**super().get_initial(), "closed_on": timezone.localdate()}

    def heading(self):
        return f"Close the {self.object}"

    def explanation(self):
        return [
            "Close a body that has stopped meeting. It is not deleted: its meetings, its members "
            "and the milestones that reported to it stay on record, and reports of earlier "
            "dates still print it. It moves to the list of closed bodies, and can be reopened.",
            "Cancel its meetings after the day it closes first, or move them to another body.",
        ]

    def act(self, data):
        services.body_close(
            body=self.object,
            opened_version=data["version"],
            closed_on=data["closed_on"],
            reason=data["reason"],
            by=self.request.user,
        )

    def done(self):
        return f"Closed the {self.object}."


class BodyReopenView(BodyStatusView):
    button = "Reopen the body"

    def heading(self):
        return f"Reopen the {self.object}"

    def explanation(self):
        body = self.object
        return [
            f"The {body.short_name} closed on {body.closed_on:%-d %B %Y}: {body.closed_reason}"
            if body.closed_on
            else f"The {body.short_name} is open.",
            "Reopening it lists it with the programme's bodies again, and lets it hold meetings.",
        ]

    def act(self, data):
        services.body_reopen(body=self.object, opened_version=data["version"], by=self.request.user)

    def done(self):
        return f"Reopened the {self.object}."


# --- Members -------------------------------------------------------------------------------------


class MembershipCreateView(KeepsGovernance, RecordCreateView):
    model = BodyMembership
    form_class = MembershipForm
    noun = "member"
    a_noun = "a member"

    @cached_property
    def body(self):
        return get_object_or_404(
            GovernanceBody.objects.filter(programme=self.programme), pk=self.kwargs["body"]
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": BodyMembership(body=self.body)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["heading"] = f"Add a member to the {self.body}"
        return context

    def describe(self, record) -> str:
        return f"{record.person} to the {record.body}"


class MembershipEditView(KeepsGovernance, RecordEditView):
    model = BodyMembership
    form_class = MembershipEditForm
    noun = "membership"

    @cached_property
    def object(self):
        return get_object_or_404(
            BodyMembership.objects.filter(body__programme=self.programme).select_related(
                "body", "person"
            ),
            pk=self.kwargs["pk"],
        )

    def describe(self, record) -> str:
        return f"{record.person}'s membership of the {record.body.short_name}"


class MembershipEndView(StatusChangeView):
    form_class = MembershipEndForm
    noun = "membership"
    button = "End the membership"

    def get_queryset(self):
        return BodyMembership.objects.filter(body__programme=self.programme).select_related(
            "body", "person"
        )

    def get_initial(self):
        return {**super().get_initial(), "left_on": timezone.localdate()}

    def heading(self):
        return f"End {self.object.person}'s membership of the {self.object.body.short_name}"

    def explanation(self):
        return [
            "The membership is kept, with its dates: the reports of earlier dates still list "
            f"{self.object.person} as a member, and the governance page lists them among the "
            "former members. To change their role instead, change the membership."
        ]

    def act(self, data):
        services.membership_end(
            membership=self.object,
            opened_version=data["version"],
            left_on=data["left_on"],
            by=self.request.user,
        )

    def done(self):
        return f"Ended {self.object.person}'s membership of the {self.object.body.short_name}."
