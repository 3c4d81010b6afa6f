"""Adding and changing a meeting of one of the programme's bodies, with its agenda; cancelling
or reinstating it; deleting one added by mistake. The meetings page itself is in ``reports``
(it lists what each meeting receives: milestones and committee packs); these pages go back
there. Only those who may keep the programme's governance reach them."""

from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from programmes import governance_services as services
from programmes.forms.governance import AgendaFormSet, MeetingEditForm, MeetingForm, ReasonForm
from programmes.models import Meeting

from .governance import KeepsGovernance
from .records import RecordCreateView, RecordEditView
from .status import StatusChangeView

MEETINGS = "reports:meetings"


def meeting_words(meeting) -> str:
    """ "the JIB meeting of 26 July 2007" """
    return f"the {meeting.body.short_name} meeting of {meeting.date:%-d %B %Y}"


class MeetingFormMixin(KeepsGovernance):
    """The meeting's form and its agenda's rows, validated and saved together."""

    page_title = "Meetings"
    list_url_name = MEETINGS
    template_name = "programmes/meeting_form.html"
    model = Meeting
    noun = "meeting"
    a_noun = "a meeting"

    def meeting(self) -> Meeting:
        raise NotImplementedError

    @cached_property
    def agenda(self):
        data = self.request.POST if self.request.method == "POST" else None
        return AgendaFormSet(
            data,
            instance=self.meeting(),
            prefix="agenda",
            form_kwargs={"programme": self.programme},
        )

    def form_valid(self, form):
        if not self.agenda.is_valid():
            return self.form_invalid(form)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(agenda=self.agenda, **kwargs)

    def describe(self, record) -> str:
        return meeting_words(record)


class MeetingCreateView(MeetingFormMixin, RecordCreateView):
    form_class = MeetingForm

    @cached_property
    def new_meeting(self) -> Meeting:
        return Meeting()

    def meeting(self):
        return self.new_meeting

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.new_meeting}

    def get_initial(self):
        # "Add a meeting" beside a body starts with that body chosen.
        initial = super().get_initial()
        if body := self.request.GET.get("body"):
            initial["body"] = body
        return initial

    def save(self, form):
        return services.meeting_save(
            meeting=form.instance, agenda=self.agenda, by=self.request.user
        )


class MeetingEditView(MeetingFormMixin, RecordEditView):
    form_class = MeetingEditForm

    @cached_property
    def object(self):
        return get_object_or_404(
            Meeting.objects.filter(body__programme=self.programme).select_related("body"),
            pk=self.kwargs["pk"],
        )

    def meeting(self):
        return self.object

    def get_context_data(self, **kwargs):
        referring = services.refers_to_it(self.object)
        return super().get_context_data(refers_to=referring, **kwargs)

    def save(self, form):
        changes = form.changes()
        if not changes and not self.agenda.has_changed():
            return None
        fresh = Meeting.objects.select_related("body").get(pk=self.object.pk)
        services.meeting_save(
            meeting=fresh,
            changes=changes,
            opened_version=form.cleaned_data["version"],
            agenda=self.agenda,
            by=self.request.user,
        )
        return fresh


class MeetingStatusView(StatusChangeView):
    page_title = "Meetings"
    list_url_name = MEETINGS
    noun = "meeting"

    def get_queryset(self):
        return Meeting.objects.filter(body__programme=self.programme).select_related("body")

    def what_refers(self) -> str:
        return services.refers_to_it(self.object)


class MeetingCancelView(MeetingStatusView):
    form_class = ReasonForm
    button = "Cancel the meeting"
    reason_label = "Why is it cancelled?"
    reason_help = "e.g. “Not quorate”, “Moved to 4 March”. Printed beside the meeting."

    def heading(self):
        return f"Cancel {meeting_words(self.object)}"

    def explanation(self):
        said = [
            "The meeting stays on the list of meetings, marked cancelled, with your reason. It "
            "is no longer offered for milestones to report to or for packs to be issued to, "
            "and the overview and My work stop listing it. It can be reinstated."
        ]
        if referring := self.what_refers():
            said.append(
                f"{referring[0].upper()}{referring[1:]}, and still will. Choose another "
                "meeting for any milestone that should now report elsewhere."
            )
        return said

    def act(self, data):
        services.meeting_cancel(
            meeting=self.object,
            opened_version=data["version"],
            reason=data["reason"],
            by=self.request.user,
        )

    def done(self):
        return f"Cancelled {meeting_words(self.object)}."


class MeetingReinstateView(MeetingStatusView):
    button = "Reinstate the meeting"

    def heading(self):
        return f"Reinstate {meeting_words(self.object)}"

    def explanation(self):
        meeting = self.object
        return [
            f"It was cancelled: {meeting.cancelled_reason}"
            if meeting.is_cancelled
            else "It is not cancelled.",
            "Reinstated, it is offered again for milestones to report to and packs to be "
            "issued to.",
        ]

    def act(self, data):
        services.meeting_reinstate(
            meeting=self.object, opened_version=data["version"], by=self.request.user
        )

    def done(self):
        return f"Reinstated {meeting_words(self.object)}."


class MeetingDeleteView(MeetingStatusView):
    button = "Delete the meeting"

    def heading(self):
        return f"Delete {meeting_words(self.object)}"

    def explanation(self):
        if referring := self.what_refers():
            return [
                f"It cannot be deleted: {referring}. Cancel it instead: it stays on the list, "
                "marked cancelled, with your reason."
            ]
        return [
            "Delete a meeting only if it was added by mistake: nothing refers to it yet. A "
            "meeting that will not take place is cancelled instead, so the record shows it "
            "was planned."
        ]

    def act(self, data):
        self.deleted = meeting_words(self.object)
        services.meeting_delete(meeting=self.object, by=self.request.user)

    def done(self):
        return f"Deleted {self.deleted}."
