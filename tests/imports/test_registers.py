"""Risk registers and action trackers as councils publish them: headings wrapped over the rows
above and below, short forms ("Resid Risk - Prob"), a scale said by the key above the register,
ratings before controls left out, the description as the risk, a key and remarks under the
table, a table's title above its repeated headings, councils' words for an action's status, and
a cell that lists several dated items."""

from datetime import datetime
from pathlib import Path

import pytest

from imports import guessing
from imports.layout import dated_items
from imports.names import NEW
from imports.reading import read_book
from programmes.models import Action, Risk, ValueTranslation
from tests.imports.conftest import commit, preview, workbook

pytestmark = pytest.mark.django_db
TRACKERS = Path(__file__).resolve().parents[2] / "fixtures" / "trackers"


def mapped(data: bytes, programme, name="register.xlsx"):
    book = read_book(data, name)
    (mapping,) = guessing.guess_book(book, programme)
    return mapping


def fixture(name: str) -> bytes:
    return (TRACKERS / name).read_bytes()


def new_names(data: bytes, programme) -> dict:
    """Every name the file uses that the programme does not know, created."""
    return {unknown.key: NEW for unknown in preview(data, programme).unknown}


def test_headings_wrapped_over_the_rows_above_and_below_are_read_whole(fresh_programme):
    mapping = mapped(fixture("warrington-a49-a57-scheme-risk-register.csv"), fresh_programme)
    assert mapping.kind == "risks"
    assert (mapping.header_start, mapping.header_row) == (12, 14)
    assert mapping.headings[1] == "Risk Category" and mapping.headings[8] == "Mitigation Measures"
    assert mapping.fields[8] == "moderating_factors"
    assert mapping.reasons[1] == "Left out: a category is neither the risk nor its area."
    assert mapping.reasons[5].startswith("Left out: a risk rating is worked out")
    assert "The headings run over rows 12 to 14; they are read together." in mapping.notes


def test_a_title_row_above_the_headings_is_not_taken_for_part_of_them(fresh_programme):
    data = workbook(
        {
            "Sheet1": [
                ["Strategic Risk Register", "March 2024"],
                ["Risk", "Owner", "Likelihood", "Impact"],
                ["Cyber attack", "Director of Resources", "High", "High"],
            ]
        }
    )
    mapping = mapped(data, fresh_programme)
    assert mapping.header_row == 2 and mapping.header_start == 0
    assert mapping.headings[0] == "Risk" and mapping.fields[0] == "title"


def test_short_forms_are_read_and_the_ratings_before_controls_left_out(fresh_programme):
    mapping = mapped(fixture("levick-trust-project-risk-register-2010.csv"), fresh_programme)
    assert [mapping.fields[i] for i in range(11)] == [
        "reference",
        "title",
        "",
        "",
        "",
        "moderating_factors",
        "likelihood",
        "impact",
        "",
        "lead_officer",
        "",
    ]
    assert mapping.reasons[1].startswith("Read as the risk: no column names the risk")
    assert mapping.reasons[2].startswith("Left out: the gross (before controls) rating")


def test_the_scale_is_the_one_the_key_above_the_register_says(fresh_programme):
    mapping = mapped(fixture("warrington-a49-a57-scheme-risk-register.csv"), fresh_programme)
    # The ratings go no higher than 2 and 4, but the matrix above rates 1 to 5.
    assert mapping.scales == {3: 5, 4: 5}
    assert "Rated 1 to 5 (as the register's key says)" in mapping.reasons[4]


def test_the_scale_is_read_from_the_ratings_before_controls_too(fresh_programme):
    data = workbook(
        {
            "Risks": [
                ["Risk", "Inherent Likelihood", "Inherent Impact", "Likelihood", "Impact"],
                ["Funding is clawed back", 5, 5, 2, 3],
                ["Planning consent refused", 3, 4, 1, 4],
            ]
        }
    )
    mapping = mapped(data, fresh_programme)
    assert mapping.scales == {3: 5, 4: 5}
    assert "as its ratings show" in mapping.reasons[4]


def test_a_heading_that_says_its_scale_is_read_on_it(fresh_programme):
    data = workbook({"Risks": [["Risk", "Probability (1-5)", "Impact (1-5)"], ["Flooding", 2, 3]]})
    assert mapped(data, fresh_programme).scales == {1: 5, 2: 5}


def test_numbers_written_in_a_csv_are_read_on_their_own_scale(fresh_programme):
    data = b"Risk,Likelihood (1-5),Impact (1-5)\nFlooding,3,4\nStaff leave,1,2\n"
    commit(data, fresh_programme, "register.csv")
    risks = {
        r.title: (r.likelihood, r.impact) for r in Risk.objects.filter(programme=fresh_programme)
    }
    # 3 and 4 of 5 on Low, Medium, High: Medium and High; 1 and 2 of 5: Low and Medium.
    assert risks == {"Flooding": (2, 3), "Staff leave": (1, 2)}


def test_a_column_of_numbers_under_a_heading_of_words_is_left_out(fresh_programme):
    mapping = mapped(fixture("honiton-town-council-risk-register-2014.xlsx"), fresh_programme)
    assert mapping.headings[3] == "Mitigation"
    assert mapping.fields[3] == "" and mapping.fields[4] == "moderating_factors"
    assert mapping.reasons[3] == "Left out: it holds numbers (a rating), not words."


def test_a_cell_carried_on_in_the_row_below_belongs_to_the_risk_above(fresh_programme):
    commit(fixture("honiton-town-council-risk-register-2014.xlsx"), fresh_programme)
    market = Risk.objects.get(programme=fresh_programme, reference="4")
    assert market.moderating_factors.endswith(
        "audit trails.\nProduce targets and objectives for market manager"
    )
    assert Risk.objects.filter(programme=fresh_programme).count() == 15


def test_the_title_above_the_headings_says_what_the_sheet_holds(fresh_programme):
    register = mapped(fixture("north-norfolk-corporate-risk-register-2016.xlsx"), fresh_programme)
    assert register.kind == "risks" and register.fields[4] == "lead_officer"
    plan = mapped(fixture("epping-forest-key-action-plan-2015-16-q3.xlsx"), fresh_programme)
    assert plan.kind == "actions"


def test_a_key_a_remark_and_a_table_title_under_the_register_are_not_risks(fresh_programme):
    data = fixture("north-norfolk-corporate-risk-register-2016.xlsx")
    plan = preview(data, fresh_programme)
    notes = plan.mappings[0].notes
    assert "Row 15 is a footnote: skipped." in notes
    assert "Row 17 is a section heading: skipped." in notes
    assert "Row 18 repeats the headings: skipped." in notes
    assert any(
        note.startswith("Rows 21, 22") and "the key to the register" in note for note in notes
    )
    commit(data, fresh_programme)
    titles = set(Risk.objects.filter(programme=fresh_programme).values_list("title", flat=True))
    assert len(titles) == 11 and "Recruitment (inability)" in titles
    assert not titles & {"KEY", "Potential New Risks", "Catastrophic - 5", "Impact Type"}


def test_an_actions_status_in_a_councils_words_is_translated_and_remembered(fresh_programme):
    data = fixture("epping-forest-key-action-plan-2015-16-q3.xlsx")
    plan = preview(data, fresh_programme)
    shown = {(t.field, t.shown): t.label for t in plan.translated}
    assert shown == {
        ("action_status", "On Target"): "In progress",
        ("action_status", "Under Control"): "In progress",
        ("action_status", "Achieved"): "Done",
    }
    commit(
        data,
        fresh_programme,
        resolutions=new_names(data, fresh_programme),
        translations={"action_status:under control": "open"},
    )
    statuses = dict(Action.objects.filter(programme=fresh_programme).values_list("title", "status"))
    assert statuses["3) - Develop business cases"] == "open"
    assert statuses["4) - Commence the budget cycle"] == "done"
    remembered = dict(
        ValueTranslation.objects.filter(
            programme=fresh_programme, field="action_status"
        ).values_list("written", "meaning")
    )
    assert remembered == {"on target": "in_progress", "under control": "open", "achieved": "done"}


def test_progress_in_sentences_is_the_actions_note_with_its_dated_items_warned_of(
    fresh_programme,
):
    data = fixture("epping-forest-key-action-plan-2015-16-q3.xlsx")
    plan = preview(data, fresh_programme)
    first = plan.rows[0]
    assert (
        "Column E (Progress) lists several dated items (Q1 (2015/16), Q2 (2015/16), "
        "Q3 (2015/16)): kept as words; none of their dates is taken as the action's date."
    ) in first.notes
    commit(data, fresh_programme, resolutions=new_names(data, fresh_programme))
    action = Action.objects.get(programme=fresh_programme, title="1) - Deliver identified savings")
    assert action.note.startswith("Q1 (2015/16) Savings are on track")
    assert action.due_latest == datetime(2016, 3, 31).date()


def test_a_date_cell_listing_several_dated_items_is_kept_as_words(fresh_programme):
    listed = "Q1 (2015/16) Draft to Cabinet\nQ3 (2015/16) Adopted by Council"
    data = workbook(
        {
            "Action plan": [
                ["Action", "Owner", "Due"],
                ["Adopt the Communication Strategy", "Head of Policy", listed],
                ["Publish the disclosure log", "Head of Policy", "March 2015"],
            ]
        }
    )
    plan = preview(data, fresh_programme)
    assert any(
        "lists several dated items (Q1 (2015/16), Q3 (2015/16))" in n for n in plan.rows[0].notes
    )
    commit(data, fresh_programme)
    strategy = Action.objects.get(
        programme=fresh_programme, owner="Head of Policy", title__startswith="Adopt"
    )
    assert strategy.due_text == listed
    assert strategy.due_earliest is None and strategy.due_latest is None
    log = Action.objects.get(programme=fresh_programme, title__startswith="Publish")
    assert log.due_latest == datetime(2015, 3, 31).date()


def test_dated_items_are_lines_that_begin_with_a_date():
    assert dated_items("(Q1 2015/16) Meeting arranged\n(Q2 2015/16) Held") == [
        "(Q1 2015/16)",
        "(Q2 2015/16)",
    ]
    assert dated_items("12/03/2015 Report to Cabinet\nMarch 2015 Scrutiny") == [
        "12/03/2015",
        "March 2015",
    ]
    assert dated_items("Savings are on track in Q1\nand Q2") == []
    assert dated_items("Localism Act 2011 received\n2010 Spending Review") == []
    assert dated_items("Q1 (2015/16) only one dated line") == []
