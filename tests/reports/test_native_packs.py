"""Each seed's native report against the council's own document (issue 11): its facts present,
in the seed's sections and order, each numbered heading once, and nothing the records do not
hold (no default status, no "Not rated", no "(due 2009/10)", no invented total)."""

import re
from datetime import date

import pytest

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions, default_as_at
from reports.rendering import report_html
from reports.structure import preset

from .conftest import SEED_AS_AT

AGMA = "agma-collaborative-services"
ETTW = "enhanced-two-tier-working"
MIP = "manchester-improvement-programme"
HERTS = "herts-programme-milestones-2008"
WIGAN = "wigan-support-services-review"

# Seed 002's numbered headings, as the council numbered and worded them (the cover sheet's
# capitals in ordinary case), in the council's order.
MIP_HEADINGS = [
    "1 Keynote",
    "2 Background",
    "3.0 Financials",
    "4.0 Business Planning",
    "5.0 Key Achievements 2008/09",
    "5.1 MiCARE Implementation",
    "5.2 Education Services Change Programme",
    "5.3 Redesign of the Highways Service",
    "5.4 Go live with the Mobile Working Pilot Project",
    "5.5 Contribute to the achievement of the objectives of the LAA and CAA",
    "5.6 Production of the Corporate Information Strategy",
    "5.7 Production of the ICT Strategy",
    "5.8 Customer Relationship Management System (CRM)",
    "5.9 SAP Review",
    "5.10 Electronic Document Management System (EDRMS)",
    "5.11 Production of the Customer Service Strategy",
    "5.12 Corporate Contact Centre",
    "5.13 Customer Service Excellence (CSE) Standard",
    "5.14 Environment on Call (EoC)",
    "5.15 Transport Innovation Fund",
    "5.16 Website Development",
    "5.17 Organisational Development (OD) Service Improvement Project",
    "5.18 Town Hall Complex Refurbishment",
    "5.19 Personnel Service Improvement Project",
    "5.20 Finance Service Improvement Project",
    "5.21 ICT Service Improvement Project",
    "5.22 Adult Social Care (ASC) Programme for Change",
    "5.23 Corporate Property Service Improvement Project",
    "5.24 Family Placement Project",
    "5.25 Legal Services to Children Service Improvement Project",
    "5.26 Connexions and Education Business Links (EBL) Procurement",
    "5.27 Governors' Service",
    "5.28 Home to School Transport",
    "5.29 Area Based Grants Review",
    "5.30 Housing Review",
    "5.31 Aspiration and Well-Being",
    "5.32 District-Based Education Teams",
    "5.33 Data Management Project (Education Service)",
    "5.34 AGMA",
    "5.35 North West Libraries – Shared Bibliographic Service",
    "5.36 Intranet Content Management System (CMS) Evaluation",
    "6.0 Indicative MIP Work Programme for 2009/10",
    "6.1 Information Strategy",
    "6.2 ICT Strategy",
    "6.3 CRM",
    "6.4 SAP",
    "6.5 Customer Service Strategy",
    "6.6 Corporate Contact Centre",
    "6.7 Customer Service Excellence (CSE) Standard",
    "6.8 Website Development",
    "6.9 Organisational Development (OD) Service Improvement",
    "6.10 Town Hall Complex Refurbishment",
    "6.11 Personnel Service Improvement",
    "6.12 Finance SIP",
    "6.13 Use of Resources Programme",
    "6.14 Highways Service improvement",
    "6.15 ICT Service Improvement",
    "6.16 Adult Social Care (ASC) Programme",
    "6.17 Family Placement",
    "6.18 Legal Services to Children",
    "6.19 Connexions and Education Business Links (EBL) Procurement",
    "6.20 AGMA",
    "6.21 North West Libraries",
    "6.22 Intranet Content Management System (CMS)",
    "6.23 Organisational Lean Review",
    "6.24 Galleries Service Review",
    "6.25 Housing Service Change Implementation",
]

# Seed 002's other facts, each after the heading it sits under in the council's report.
MIP_FACTS = [
    ("Resources and Governance Overview and Scrutiny Committee", None),
    ("Elaine Bowker, Strategic Director, Manchester Improvement Programme", None),
    ("e.bowker@manchester.gov.uk", None),
    ("0161 219 6958", None),
    ("£13.182m", "3.0 Financials"),
    ("which is a shortfall of £2.297m", "3.0 Financials"),
    ("£21.6m for 2009/10, and £14.4m for 2010/11", "4.0 Business Planning"),
    ("implemented in October 2008", "5.1 MiCARE Implementation"),
    ("Implement the new single client function", "6.14 Highways Service improvement"),
    ("Make use of the PWC diagnostic toolkit", "6.23 Organisational Lean Review"),
    ("the MIP Director is leading on two projects", "6.25 Housing Service Change Implementation"),
]

WIGAN_ORDER = [
    "Support Services Review - Project Closure",
    "Vicky Sharrock",
    "1 Introduction",
    "2 Programme Overview",
    "2.1 Initial Business Case",
    "2.2 Programme Objectives",
    "2.3 Scope",
    "2.4 Programme organisation",
    "3 Achievement of Programme Objectives",
    "3.1 Review",
    "3.2 Implementation plan",
    "These include:",
    "Workstream Follow on actions",
    "All actions identified are contained within the relevant service plan",
    "4 Savings",
    "£1.316m in 2008/09",
    "4.1 Current position on savings",
    "4.2 Re-allocation of savings",
    "The table below identifies some areas",
    "Head of customer services",
    "Environmental services call centre",
    "4.3 Further action on savings",
    "5 Lessons learnt",
    "Lessons learnt:",
    "We need to have clarity over what we want to achieve",
    "There are a number of key areas we need to consider",
    "Don't lose focus on improvements",
    "There are also some general lessons for implementation",
    "Clear staging and differentiation between review and implementation",
    "Appendix A – Key milestones",
    "Draft reports from Project Boards 1 & 2",
    "Early December 2006",
    "Third Week February 2007",
    "Appendix B – Review Objectives",
    "Appendix C – Updated Implementation Plan",
    "Appendix D – Updated Risk Log",
    "Appendix E – Equality Impact Assessment Action Plan",
    "Transfer the action points identified",
    "Part D: Action Plan Continued",
]

# Words the application once added that no record holds.
INVENTED = [
    "Not started",
    "Not rated",
    "(due 2009/10)",
    "No cover sheet has been filled in",
    "No work programme has been recorded",
    "As reported for",
]


def in_order(text: str, phrases: list[str]) -> list[str]:
    """The phrases missing, or found before the one listed ahead of them."""
    problems, at = [], 0
    for phrase in phrases:
        found = text.find(phrase, at)
        if found < 0:
            problems.append(phrase if phrase not in text else f"{phrase} (out of order)")
            continue
        at = found + len(phrase)
    return problems


def headings(text: str, pattern: str) -> list[str]:
    return re.findall(pattern, text)


@pytest.mark.django_db
def test_committee_report_keeps_the_councils_numbered_sections_in_order(rendered):
    text = rendered("committee", MIP).text
    assert in_order(text, MIP_HEADINGS) == []
    for heading in MIP_HEADINGS:
        assert text.count(heading + " ") == 1, f"{heading} printed more than once"
    # One Financials and one Key achievements: the council's own, nothing added beside them.
    assert text.count("Financials") == 1
    assert "Key achievements 2008/09" not in text  # the council's own 5.0 heading only


@pytest.mark.django_db
def test_committee_report_facts_sit_under_their_own_headings(rendered):
    text = rendered("committee", MIP).text
    for fact, heading in MIP_FACTS:
        assert fact in text, fact
        if heading:
            after = MIP_HEADINGS[MIP_HEADINGS.index(heading) + 1 :]
            start = text.index(heading + " ")
            end = min((text.index(h + " ") for h in after if h + " " in text), default=len(text))
            assert start < text.index(fact, start) < end, f"{fact} is not under {heading}"


@pytest.mark.django_db
def test_closure_report_follows_the_seed_with_appendices_a_to_e_in_order(rendered):
    text = rendered("closure", WIGAN).text
    assert in_order(text, WIGAN_ORDER) == []
    # Each appendix heading once; a table running onto more pages repeats its heading in the
    # page header, marked "(continued)".
    body = text
    for part in preset("closure"):
        if part.title:  # also "<title>: <area> (continued)"
            body = re.sub(re.escape(part.title) + r"(: [^()]*?)? \(continued\)", "", body)
    for appendix in "ABCDE":
        assert body.count(f"Appendix {appendix} –") == 1
    assert "| Question | Answer |" not in text  # the Markdown table is a table


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind,slug",
    [("milestones", AGMA), ("programme", ETTW), ("committee", MIP), ("closure", WIGAN)],
)
def test_native_reports_print_nothing_the_records_do_not_hold(rendered, kind, slug):
    text = rendered(kind, slug).text
    assert [words for words in INVENTED if words in text] == []


@pytest.mark.django_db
def test_milestones_report_prints_dates_and_slippage_in_the_authors_words(rendered):
    text = rendered("milestones", AGMA).text
    assert "January '10, Deadline extended to May '10" in text
    assert "December '09, Extended to March 2010, Extended to June 2010" in text
    assert "Status" not in text.split("Key to Stages")[0]


@pytest.mark.django_db
def test_normalising_dates_and_turning_the_status_column_on_are_report_options():
    programme = Programme.objects.get(slug=AGMA)
    options = ReportOptions(as_at=SEED_AS_AT[AGMA], normalise=True, columns=frozenset({"status"}))
    html = report_html(build_report(get_kind("milestones"), programme, options))
    assert "Jan 2010, extended to May 2010" in html
    assert '<th scope="col">Status</th>' in html


@pytest.mark.django_db
def test_budget_totals_are_labelled_calculated_and_leave_out_tbc_and_minimum(rendered):
    text = rendered("programme", ETTW).text
    assert "Total (calculated)" in text
    assert "£4,470,000" not in text  # the sum that counted the "20,000 minimum"
    assert "£4,450,000" in text
    assert "Demand Led Transport (£20,000 minimum)" in text
    assert "Procurement (tbc)" in text


@pytest.mark.django_db
def test_a_committee_reports_as_at_date_is_its_cover_sheets_date():
    programme = Programme.objects.get(slug=MIP)
    assert default_as_at(programme, uses_cover_sheet=True) == date(2009, 2, 5)


# Seed 003's facts in the seed's order: its title, the status key, the months across, the themes
# and sub-themes down the side with their events in their author's words ("21st Jan", "17th &
# 18th Nov", "??" and "tbc" as written), then the Key of acronyms.
HERTS_FACTS = [
    "Programme Milestones 2008",
    "Urgent Action",
    "Action Underway",
    "On Target",
    "October 2008 November December January 2009 February March April",
    "Back Office Sharing & Support Services",
    "4th Nov CES",
    "6th Nov Leaders",
    "19th Nov CECG",
    "Bucks Partnership",
    "26th Nov Legal officers mtg",
    "Bucks mtg Alan Progress Update",
    "Watford & Three Rivers Back Office Project",
    "Heads of Service Appointed Appointed",
    "21st Jan Update report to CECG",
    "Procurement",
    "E-Market Place",
    "Programmed meetings diarised??",
    "Contract Review",
    "Need to set out when contracts are up for renewal",
    "Timings",
    "27th Nov Procurement Officers",
    "Take stock 2nd Feb Leaders Meeting",
    "External National Liaison/Evaluation",
    "national evaluations, national events tbc",
    "Efficiencies/HCFOS General",
    "Baselining 3%",
    "Demonstrate 0.5%",
    "£8m tbc",
    "Strategic Business Work",
    "Shared Posts",
    "Government Connects",
    "Customer Access",
    "Children's Services",
    "Safer Cleaner Greener",
    "Waste Management",
    "Planning and Development",
    "Communications",
    "17th & 18th Nov CCN event",
    "20th Nov All day Innovation LGA event",
    "Links/Events & Funding",
    "County Councils' Network",
    "Chief Executives' Co-ordination Group",
    "Improvement and Development Agency",
    "Regional Improvement and Efficiency",
]


@pytest.mark.django_db
def test_month_grid_carries_the_herts_seeds_facts_in_its_order(rendered):
    text = rendered("grid", HERTS).text
    assert in_order(text, HERTS_FACTS) == []
    # Targets beyond April 2009 are in the "Later" column with their own words, not lost.
    assert "Later" in text
    assert "Q3 2009 Restructure and harmonised system for R&B" in text
    assert "Q1 2010 Finance system harmonised" in text
    # The seed rates no row: the Status column holds its key and nothing invented.
    assert [words for words in INVENTED if words in text] == []
    assert text.count("Urgent Action") == 1


@pytest.mark.django_db
def test_a_month_grid_with_nothing_to_show_prints_a_sentence_and_no_grid():
    programme = Programme.objects.get(slug=WIGAN)
    options = ReportOptions(as_at=SEED_AS_AT[WIGAN])
    html = report_html(build_report(get_kind("grid"), programme, options))
    assert "No milestones fall due in these months." in html
    assert '<table class="grid">' not in html


@pytest.mark.django_db
def test_a_month_grid_puts_what_falls_due_after_its_months_under_later():
    """Three months from October 2008: the January CECG reports and everything after move to
    "Later" with their dates as written; nothing is dropped."""
    programme = Programme.objects.get(slug=HERTS)
    options = ReportOptions(as_at=date(2008, 12, 31), first_month=date(2008, 10, 1), months=3)
    html = report_html(build_report(get_kind("grid"), programme, options))
    assert '<th scope="col">Later</th>' in html
    assert "<strong>21st Jan 2009</strong> Update report to CECG" in html
    assert "<strong>Q1 2010</strong> Finance system harmonised" in html


@pytest.mark.django_db
def test_a_table_running_onto_more_pages_says_continued_with_its_heading(rendered):
    pages = [" ".join(page.split()) for page in rendered("milestones", AGMA).pages]
    continued = [
        (number, heading)
        for number, page in enumerate(pages)
        for heading in re.findall(r"March 2010 (Service Area: [^()]+?) \(continued\)", page)
    ]
    assert continued, "no table of the AGMA report runs onto a second page"
    assert "(continued)" not in pages[0]
    for number, heading in continued:
        # The table began on an earlier page, under that heading.
        assert any(heading in page for page in pages[:number]), heading
    closure = " ".join(" ".join(page.split()) for page in rendered("closure", WIGAN).pages)
    assert "Appendix D – Updated Risk Log (continued)" in closure


@pytest.mark.django_db
def test_no_near_empty_page_where_the_orientation_changes(rendered):
    """Wigan's sign-off text between Appendix D and the Appendix E table stays landscape with
    them: every page but the last carries a good part of a page of text."""
    pages = rendered("closure", WIGAN).pages
    short = [n + 1 for n, page in enumerate(pages[:-1]) if len(page.split()) < 120]
    assert short == []
