"""The period's update cycle, through its service: draft → submitted → returned with a comment
→ answered and resubmitted → accepted, every step kept with who and when; and each refusal,
with nothing saved."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.versioning import StaleEdit
from milestones import cycle, periods
from milestones.models import AreaUpdate, ProgressUpdate, UpdateStep
from tests.update_cycle import accept, send_back, submitted, user, write

pytestmark = pytest.mark.django_db


def steps(record):
    return [(s.kind, s.by.username if s.by else None, s.comment) for s in record.steps.all()]


def test_the_whole_cycle_records_every_step_with_who_and_what(hr, march):
    champion, manager = user("champion"), user("manager")
    record = write(hr, march, champion, "Workshops booked.")
    assert record.status == AreaUpdate.Status.DRAFT

    record = write(hr, march, champion, "Workshops booked.", submit=True, note="Ready.")
    assert (record.status, record.submitted_by) == (AreaUpdate.Status.SUBMITTED, champion)

    send_back(record, "Which authorities have signed up?")
    assert (record.status, record.decided_by) == (AreaUpdate.Status.RETURNED, manager)

    write(hr, march, champion, "Workshops booked.", note="Bury and Trafford so far.")
    write(hr, march, champion, "Workshops booked: Bury and Trafford.", submit=True)
    accept(record, comment="Thank you.")
    assert record.status == AreaUpdate.Status.ACCEPTED

    assert steps(record) == [
        ("started", "champion", ""),
        ("submitted", "champion", "Ready."),
        ("returned", "manager", "Which authorities have signed up?"),
        ("answered", "champion", "Bury and Trafford so far."),
        ("submitted", "champion", ""),
        ("accepted", "manager", "Thank you."),
    ]
    statuses = list(record.history.order_by("history_id").values_list("status", flat=True))
    assert statuses == ["draft", "submitted", "returned", "submitted", "accepted"]
    text = ProgressUpdate.objects.get(service_area=hr, period=march, milestone=None)
    assert list(text.history.order_by("history_id").values_list("text", flat=True)) == [
        "Workshops booked.",
        "Workshops booked: Bury and Trafford.",
    ]


def test_accepting_makes_the_milestones_comment_and_rag_and_the_areas_rag_the_record(
    hr, march, stage_0_1
):
    record = write(
        hr,
        march,
        user("champion"),
        "Area text.",
        milestones={stage_0_1: ("Scoping done in Bury.", "amber")},
        submit=True,
    )
    ProgressUpdate.objects.filter(milestone=None, period=march, service_area=hr).update(rag="red")
    stage_0_1.refresh_from_db()
    assert stage_0_1.comment != "Scoping done in Bury."  # not before it is accepted

    accept(record)
    stage_0_1.refresh_from_db()
    hr.refresh_from_db()
    assert (stage_0_1.comment, stage_0_1.rag, hr.rag) == ("Scoping done in Bury.", "amber", "red")
    last = stage_0_1.history.first()
    assert (last.history_user.username, last.history_date) == ("manager", record.decided_at)


def test_a_submitted_update_waits_unchanged_until_returned(hr, march):
    submitted(hr, march)
    with pytest.raises(ValidationError) as refused:
        write(hr, march, user("champion"), "Second thoughts.")
    assert "waiting for the programme office's review" in refused.value.messages[0]
    assert ProgressUpdate.objects.get(service_area=hr, milestone=None).text == "Workshops booked."


def test_an_accepted_update_is_final(hr, march):
    record = submitted(hr, march)
    accept(record)
    with pytest.raises(ValidationError, match=r"accepted on .*: it can no longer be changed"):
        write(hr, march, user("champion"), "Later words.")
    with pytest.raises(ValidationError, match="this one is accepted"):
        send_back(record, by=user("manager"))


def test_returning_needs_a_comment(hr, march):
    record = submitted(hr, march)
    with pytest.raises(ValidationError) as refused:
        send_back(record, comment="  ")
    assert refused.value.message_dict == {
        "comment": ["Say what needs changing: the champion reads it."]
    }
    record.refresh_from_db()
    assert record.status == AreaUpdate.Status.SUBMITTED


def test_a_champion_cannot_accept_or_return_their_own_update(hr, march):
    record = submitted(hr, march)
    with pytest.raises(PermissionDenied, match="Only the programme's managers"):
        accept(record, by=user("champion"))
    with pytest.raises(PermissionDenied):
        send_back(record, by=user("champion"))
    record.refresh_from_db()
    assert record.status == AreaUpdate.Status.SUBMITTED


def test_a_manager_who_is_also_the_champion_cannot_sign_off_their_own_update(
    hr, march, manager_champion, second_manager
):
    record = submitted(hr, march, by=manager_champion)
    with pytest.raises(PermissionDenied, match="nobody signs off their own update"):
        accept(record, by=manager_champion)
    accept(record, by=second_manager)  # another manager may
    assert record.status == AreaUpdate.Status.ACCEPTED


def test_a_manager_who_rewrote_part_of_the_champions_draft_cannot_accept_it(
    hr, march, stage_0_1, second_manager
):
    write(hr, march, user("champion"), "Area text.")
    record = write(
        hr, march, user("manager"), "Area text.", milestones={stage_0_1: ("Tidied.", "")}
    )
    write(hr, march, user("champion"), "Area text.", submit=True)
    with pytest.raises(PermissionDenied):
        accept(record, by=user("manager"))
    accept(record, by=second_manager)


def test_an_administrator_who_wrote_it_cannot_accept_it_either(hr, march, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    record = submitted(hr, march, by=boss)
    with pytest.raises(PermissionDenied):
        accept(record, by=boss)


@pytest.mark.parametrize("who", ["reader", "champion"])
def test_readers_and_other_areas_champions_cannot_write_it(march, who):
    it = march.programme.service_areas.get(name="IT")
    with pytest.raises(PermissionDenied):
        write(it, march, user(who), "Not mine.", submit=True)
    assert not ProgressUpdate.objects.filter(service_area=it).exists()
    assert not AreaUpdate.objects.filter(service_area=it).exists()


def test_a_closed_period_refuses_writing_and_returning_but_a_submitted_update_can_be_accepted(
    hr, march
):
    record = submitted(hr, march)
    periods.period_close(period=march, opened_version=march.version, by=user("manager"))
    with pytest.raises(ValidationError, match="March 2010 is closed"):
        write(hr, march, user("champion"), "Late words.")
    with pytest.raises(ValidationError, match="reopen it to send the update back"):
        send_back(record)
    accept(record)
    assert record.status == AreaUpdate.Status.ACCEPTED


def test_nothing_new_saves_nothing_and_starts_nothing(hr, march, stage_0_1):
    unchanged = {stage_0_1: (stage_0_1.comment, stage_0_1.rag)}  # as the page opens
    assert write(hr, march, user("champion"), "", milestones=unchanged) is None
    assert not AreaUpdate.objects.filter(service_area=hr).exists()
    assert not ProgressUpdate.objects.filter(service_area=hr).exists()


def test_an_update_without_the_areas_own_text_cannot_be_submitted(hr, march, stage_0_1):
    with pytest.raises(ValidationError, match="Write what happened in the area"):
        write(hr, march, user("champion"), "", milestones={stage_0_1: ("New.", "")}, submit=True)
    assert not ProgressUpdate.objects.filter(service_area=hr).exists()  # rolled back


def test_a_saved_part_cannot_be_emptied(hr, march):
    write(hr, march, user("champion"), "First words.")
    with pytest.raises(ValidationError, match="cannot be emptied"):
        write(hr, march, user("champion"), "")


def test_a_decision_on_an_update_changed_since_it_was_opened_is_refused(hr, march):
    record = submitted(hr, march)
    opened = record.version
    send_back(record)
    write(hr, march, user("champion"), "Answered.", submit=True)
    record.refresh_from_db()  # submitted again, as the page reads it when the form comes back
    with pytest.raises(StaleEdit):
        cycle.update_accept(record=record, opened_version=opened, by=user("manager"))
    record.refresh_from_db()
    assert record.status == AreaUpdate.Status.SUBMITTED


def test_reports_read_accepted_updates_and_submitted_ones_only_when_asked(hr, march):
    def reported(**options):
        return set(
            ProgressUpdate.objects.reportable(**options)
            .filter(service_area=hr)
            .values_list("text", "sign_off")
        )

    record = write(hr, march, user("champion"), "Draft words.")
    assert reported() == reported(include_submitted=True) == set()
    write(hr, march, user("champion"), "Draft words.", submit=True)
    assert reported() == set()
    assert reported(include_submitted=True) == {("Draft words.", "submitted")}
    send_back(record)
    assert reported(include_submitted=True) == set()  # returned: back with its writers
    write(hr, march, user("champion"), "Draft words.", submit=True)
    accept(record)
    assert reported() == {("Draft words.", "accepted")}


def test_updates_written_before_sign_off_are_recorded_as_accepted_by_the_migration(hr, march):
    migration = importlib.import_module(
        "milestones.migrations.0008_updates_written_before_sign_off_count_as_accepted"
    )
    ProgressUpdate.objects.create(service_area=hr, period=march, text="Written in 2010.")
    migration.record_existing_updates_as_accepted(apps, None)
    record = AreaUpdate.objects.get(service_area=hr, period=march)
    assert record.status == AreaUpdate.Status.ACCEPTED and record.decided_by is None
    step = record.steps.get()
    assert (step.kind, step.comment) == (UpdateStep.Kind.RECORDED, migration.RECORDED_NOTE)

    migration.forget_recorded_updates(apps, None)
    assert not AreaUpdate.objects.filter(service_area=hr).exists()


def test_the_seed_reports_updates_are_recorded_as_accepted():
    wigan = AreaUpdate.objects.filter(service_area__programme__slug="wigan-support-services-review")
    assert wigan.exists()
    assert set(wigan.values_list("status", flat=True)) == {"accepted"}
    assert set(
        UpdateStep.objects.filter(area_update__in=wigan).values_list("comment", flat=True)
    ) == {cycle.TRANSCRIBED}
    assert all(record.decided_at <= timezone.now() for record in wigan)
