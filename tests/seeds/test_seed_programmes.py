"""The five seed reports load as five programmes, and the facts a committee would check are there.
The session's test database is loaded once by tests/conftest.py with `load_seed_programmes`."""

from datetime import date
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from core import savings
from core.fuzzydates import Precision
from milestones.models import DateChange, Milestone, ProgressUpdate
from programmes.models import (
    Action,
    BudgetLine,
    GlossaryTerm,
    Lesson,
    Meeting,
    Objective,
    Programme,
    Risk,
    SavingsLine,
    SavingsReallocation,
    ServiceArea,
    ServiceAreaRole,
)
from reports.models import CommitteeReport
from seeds.files import SeedError
from seeds.loader import load_seed

pytestmark = pytest.mark.django_db

SEED_SLUGS = {
    "agma-collaborative-services",
    "enhanced-two-tier-working",
    "manchester-improvement-programme",
    "herts-programme-milestones-2008",
    "wigan-support-services-review",
}


def programme(slug):
    return Programme.objects.get(slug=slug)


def test_all_five_seed_reports_are_programmes():
    assert set(Programme.objects.values_list("slug", flat=True)) >= SEED_SLUGS


def test_loading_again_changes_nothing():
    def snapshot():
        return [
            model.objects.count()
            for model in (Programme, ServiceArea, Milestone, DateChange, Risk, Action, Meeting)
        ]

    before = snapshot()
    out = StringIO()
    call_command("load_seed_programmes", stdout=out)
    assert snapshot() == before
    assert "agma-collaborative-services: already loaded, left as it is." in out.getvalue()


def test_reload_replaces_a_programme_with_a_fresh_copy():
    agma = programme("agma-collaborative-services")
    ServiceArea.objects.filter(programme=agma, name="IT").update(name="IT (edited)")

    call_command(
        "load_seed_programmes", "agma-collaborative-services", "--reload", stdout=StringIO()
    )

    reloaded = programme("agma-collaborative-services")
    assert reloaded.pk != agma.pk
    names = set(reloaded.service_areas.values_list("name", flat=True))
    assert "IT" in names and "IT (edited)" not in names


def test_dry_run_saves_nothing():
    Programme.objects.filter(slug="wigan-support-services-review").delete()
    out = StringIO()
    call_command("load_seed_programmes", "wigan-support-services-review", "--dry-run", stdout=out)
    assert "wigan-support-services-review: loaded" in out.getvalue()
    assert not Programme.objects.filter(slug="wigan-support-services-review").exists()


def test_unknown_slug_is_a_clear_error():
    with pytest.raises(CommandError, match="No seed programme called no-such-programme"):
        call_command("load_seed_programmes", "no-such-programme")


def test_a_broken_seed_names_the_place_and_saves_nothing(tmp_path: Path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        """
programme: {slug: broken-seed, name: Broken seed, as_at: 2010-03-31}
service_areas:
  - name: IT
    milestones:
      - title: Stage 1
        planned_completion: "May 2010"
        date_changes:
          - {field: planned_completion, from: "March '10", to: "April 2010", reason: Extended}
""",
        encoding="utf-8",
    )
    with pytest.raises(SeedError) as error:
        load_seed(broken)
    assert "service_areas[0] (IT) > milestones[0] (Stage 1)" in str(error.value)
    assert "date_changes end at 'April 2010'" in str(error.value)
    assert not Programme.objects.filter(slug="broken-seed").exists()


def test_a_seed_with_an_unknown_key_is_refused(tmp_path: Path):
    broken = tmp_path / "typo.yaml"
    broken.write_text(
        "programme: {slug: typo-seed, name: Typo seed}\n"
        "service_areas:\n  - {name: IT, champoin: X}\n",
        encoding="utf-8",
    )
    with pytest.raises(SeedError, match="unknown key"):
        load_seed(broken)
    assert not Programme.objects.filter(slug="typo-seed").exists()


# --- seed 000: AGMA Milestones Report March 2010 ----------------------------------------------


def test_agma_transactional_hr_stage_0_1_completion_moved_twice():
    stage = Milestone.objects.get(
        service_area__programme__slug="agma-collaborative-services",
        service_area__name="Transactional HR",
        title="Stage 0-1",
    )
    moves = [(c.old_text, c.new_text, c.reason) for c in stage.date_changes.all()]
    assert moves == [
        ("December '09", "March 2010", "Extended"),
        ("March 2010", "June 2010", "Extended"),
    ]
    assert stage.planned_completion.latest == date(2010, 6, 30)
    assert stage.planned_start.earliest == date(2009, 9, 1)


def test_agma_vpmm_stage_1_was_moved_from_31_july():
    stage = Milestone.objects.get(
        service_area__programme__slug="agma-collaborative-services",
        service_area__name="VPMM",
        title="Stage 1",
    )
    (move,) = stage.date_changes.all()
    assert move.old.earliest == date(2009, 7, 31)
    assert move.new.earliest == date(2009, 8, 31)
    assert move.new.precision == Precision.DAY


def test_agma_champions_have_titles_and_authorities():
    role = ServiceAreaRole.objects.select_related("person__organisation").get(
        service_area__programme__slug="agma-collaborative-services",
        service_area__name="VPMM",
        role="champion",
    )
    assert role.person.description == "Martin Vickers, Director of Change, Salford"


def test_agma_key_to_stages_and_nested_bullets():
    agma = programme("agma-collaborative-services")
    stages = {stage.code: stage for stage in agma.stages.all()}
    assert stages["Stage 1"].name == "Identify improvement opportunities"
    assert "Set up Project Board" in stages["Stage 2a"].definition
    comment = Milestone.objects.get(
        service_area__programme=agma, service_area__name="Social Transport", title__contains="2b"
    ).comment
    assert "\n    - Draft home to school policy has been circulated" in comment  # nested bullet


def test_agma_bolton_is_not_participating_in_transactional_hr():
    area = ServiceArea.objects.get(
        programme__slug="agma-collaborative-services", name="Transactional HR"
    )
    stance = area.participations.get(organisation__short_name="Bolton")
    assert stance.status == "not_participating"


def test_agma_will_not_be_met_rows():
    rows = Milestone.objects.filter(
        service_area__programme__slug="agma-collaborative-services", status="will_not_be_met"
    )
    assert {(m.service_area.name, m.title) for m in rows} >= {
        ("Children's Services", "Stage 0"),
        ("Adult Social Care", "Stage 0"),
    }


# --- seed 001: Enhanced Two Tier Working, 12 July 2007 ----------------------------------------


def test_ettw_shared_services_cost_200k_against_savings_of_4m():
    line = BudgetLine.objects.get(
        programme__slug="enhanced-two-tier-working", title="Shared Services", parent=None
    )
    assert line.estimated_cost == Decimal("200000")
    assert line.estimated_savings == Decimal("4000000")


def test_ettw_programme_management_budget_has_its_sub_table():
    management = BudgetLine.objects.get(
        programme__slug="enhanced-two-tier-working", title="Programme Management", parent=None
    )
    sub_lines = management.lines.all()
    assert sum(line.estimated_cost or 0 for line in sub_lines) == Decimal("181521")
    running = management.lines.get(title="Running costs")
    assert sum(line.spent or 0 for line in running.lines.all()) == Decimal("9686.91")


def test_ettw_fuzzy_timescales_keep_words_and_meaning():
    milestones = Milestone.objects.filter(service_area__programme__slug="enhanced-two-tier-working")
    texts = {m.planned_completion_text or m.planned_start_text: m for m in milestones}
    assert texts["Dependent on outcome of Phase 1"].planned_completion.is_dated is False
    operate = next(m for m in milestones if m.planned_start_text.lower() == "from april 2008")
    assert operate.planned_start.earliest == date(2008, 4, 1)
    assert operate.planned_start.precision == Precision.FROM


def test_ettw_jib_terms_of_reference_agreed_by_leaders():
    jib = programme("enhanced-two-tier-working").governance_bodies.get(acronym="JIB")
    assert jib.name == "Joint Improvement Board"
    assert jib.terms_agreed.earliest == date(2007, 6, 4)
    assert "Leaders" in jib.terms_agreed_by


# --- seed 002: Manchester Improvement Programme, 5 February 2009 ------------------------------


def test_mip_savings_for_2008_09_and_their_shortfall():
    line = SavingsLine.objects.get(
        programme__slug="manchester-improvement-programme",
        service_area=None,
        financial_year=2008,
    )
    assert line.target == Decimal("13182000")
    assert savings.expected(line) == Decimal("10885000")
    assert line.shortfall == Decimal("2297000")
    assert line.financial_year_label == "2008/09"


def test_mip_cover_sheet_and_36_key_achievements():
    report = CommitteeReport.objects.get(programme__slug="manchester-improvement-programme")
    assert report.date == date(2009, 2, 5)
    assert "Overview and Scrutiny" in report.committee
    officers = [link.person.name for link in report.contact_officer_links.all()]
    assert officers == ["Elaine Bowker", "Theresa Grant", "Steve Park"]
    assert report.contact_officers.get(name="Elaine Bowker").telephone == "0161 219 6958"
    achievements = ProgressUpdate.objects.filter(
        service_area__programme=report.programme, period__label="2008/09"
    )
    assert achievements.count() == 36
    assert achievements.filter(text__contains="MiCARE").exists()


def test_mip_work_programme_for_2009_10():
    actions = Action.objects.filter(
        programme__slug="manchester-improvement-programme", kind="work_programme"
    )
    assert actions.count() > 80
    assert actions.filter(title__startswith="Establish an Information Governance Board").exists()
    assert all(
        a.due.precision == Precision.FINANCIAL_YEAR for a in actions if a.due_text == "2009/10"
    )


# --- seed 003: Programme Milestones 2008 (month grid) -----------------------------------------


def test_herts_programme_uses_its_own_rag_words():
    herts = programme("herts-programme-milestones-2008")
    assert herts.rag_label("red") == "Urgent Action"
    assert herts.rag_label("green") == "On Target"
    assert herts.glossary.get(term="CECG").meaning == "Chief Executives' Co-ordination Group"


def test_herts_grid_events_are_dated_meetings_and_milestones():
    herts = programme("herts-programme-milestones-2008")
    cecg = herts.governance_bodies.get(acronym="CECG")
    assert cecg.meetings.filter(date=date(2009, 1, 21)).exists()
    reporting = Milestone.objects.filter(
        service_area__programme=herts, reports_to__body=cecg, reports_to__date=date(2009, 1, 21)
    )
    assert reporting.count() >= 3
    themes = herts.service_areas.filter(parent=None)
    assert themes.filter(name__icontains="Back Office Sharing").exists()
    assert herts.service_areas.exclude(parent=None).exists()


# --- seed 004: Wigan Support Services Review closure, 6 October 2008 --------------------------


def test_wigan_behaviour_risk_is_red_and_high():
    risk = Risk.objects.get(programme__slug="wigan-support-services-review", title="Behaviour")
    assert risk.rag == "red"
    assert (risk.likelihood_label, risk.impact_label) == ("High", "High")
    assert "Engagement with service departments" in risk.moderating_factors


def test_wigan_risk_log_keeps_each_frequency_in_the_councils_words():
    """ "Ongoing Moderate": Medium (2) on the programme's scale, with the note and the word as
    the council wrote them, saved through the services (an audit row each)."""
    wigan = programme("wigan-support-services-review")
    written = {
        risk.title: (risk.likelihood, risk.likelihood_note, risk.likelihood_as_written)
        for risk in Risk.objects.filter(programme=wigan)
    }
    assert written["Policy changes"] == (2, "Ongoing", "Moderate")
    assert written["Maintaining the day to day business"] == (
        3,
        "Throughout the process so therefore will be",
        "high",
    )
    # Where the level word is not last, the note keeps the whole cell and no word is kept apart.
    assert written["Skills"] == (
        3,
        "Currently High as skills for each project not yet identified",
        "",
    )
    assert sum(word == "Moderate" for _, _, word in written.values()) == 5
    risk = Risk.objects.get(programme=wigan, title="Policy changes")
    assert risk.history.get().likelihood_as_written == "Moderate"


def test_wigan_risk_log_savings_and_reallocations():
    wigan = programme("wigan-support-services-review")
    assert Risk.objects.filter(programme=wigan).count() == 21
    targets = {
        line.financial_year_label: line.target
        for line in SavingsLine.objects.filter(programme=wigan, target__isnull=False)
    }
    assert targets == {
        "2008/09": Decimal("1316000"),
        "2009/10": Decimal("1250000"),
        "2010/11": Decimal("1250000"),
    }
    voip = SavingsReallocation.objects.get(programme=wigan, allocated_to__contains="Voice over IP")
    assert (voip.permanence, voip.amount) == ("one_off", Decimal("64000"))


def test_wigan_key_milestones_dates_due_and_delivered():
    cabinet = Milestone.objects.get(
        service_area__programme__slug="wigan-support-services-review", title="Cabinet Briefing"
    )
    assert cabinet.planned_completion.earliest == date(2007, 3, 27)
    assert cabinet.actual_completion.earliest == date(2007, 6, 14)
    assert cabinet.status == "complete"


def test_wigan_workstreams_progress_ratings_lessons_objectives_and_equality_plan():
    wigan = programme("wigan-support-services-review")
    ratings = dict(wigan.service_areas.values_list("name", "progress_rating"))
    assert ratings["Legal Services"] == "good"
    assert ratings["Diversity Impact Assessment"] == "poor"
    assert Lesson.objects.filter(programme=wigan, phase="review").exists()
    assert Lesson.objects.filter(programme=wigan, phase="implementation").exists()
    assert Objective.objects.filter(programme=wigan).count() >= 6
    equality = Action.objects.filter(programme=wigan, kind="equality_impact")
    training = equality.get(title__startswith="Ensure equal access to employee reviews")
    assert training.start.earliest == date(2008, 4, 1)
    assert training.due.latest == date(2009, 3, 31)
    assert training.resources_approved is True


def test_every_seed_glossary_is_filled():
    for slug in SEED_SLUGS:
        assert GlossaryTerm.objects.filter(programme__slug=slug).count() >= 5, slug


def test_seed_history_is_dated_at_the_reports_as_at_date():
    """So a 'since the last report' summary does not call every transcribed fact new."""
    stage = Milestone.objects.get(
        service_area__programme__slug="agma-collaborative-services", title="Stage 0-1"
    )
    assert {h.history_date.date() for h in stage.history.all()} == {date(2010, 3, 31)}
    risk = Risk.objects.get(programme__slug="wigan-support-services-review", title="Behaviour")
    assert risk.history.get().history_date.date() == date(2008, 10, 6)


def test_ettw_work_stream_costs_sit_on_their_first_milestone_and_are_not_budget_lines():
    """The progress table prints one "Estimated costs" figure per work stream, on its first row;
    the draft budget appendix is the only source of budget lines, so nothing is counted twice."""
    director = Milestone.objects.get(
        service_area__programme__slug="enhanced-two-tier-working",
        title="Programme Director recruitment.",
    )
    assert director.estimated_cost == Decimal("200000")
    lines = BudgetLine.objects.filter(programme__slug="enhanced-two-tier-working", parent=None)
    assert not lines.filter(title="Estimated project cost").exists()
    assert sum(line.estimated_cost or 0 for line in lines) == Decimal("590505")
