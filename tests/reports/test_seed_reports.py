"""Every kind of report, for every seed programme, printed from the application's data: the PDF
holds the seed report's facts (names, titles, dates with their slippage in words, amounts,
definitions, acronyms), a running header and footer, and landscape pages where promised."""

import pytest

from reports.kinds import KINDS

from .conftest import SEED_AS_AT, words

AGMA = "agma-collaborative-services"
ETTW = "enhanced-two-tier-working"
MIP = "manchester-improvement-programme"
HERTS = "herts-programme-milestones-2008"
WIGAN = "wigan-support-services-review"

# An acronym from each programme's key, printed at the end of every kind of report.
GLOSSARY = {
    AGMA: "CSG Collaborative Services Group",
    ETTW: "JIB Joint Improvement Board",
    MIP: "SIPs Service Improvement Projects",
    HERTS: "CECG Chief Executives' Co-ordination Group",
    WIGAN: "PMT Programme Management Team",
}

FACTS = {
    ("milestones", AGMA): [
        "Milestones Report March 2010",
        "Service Area Champion: John Tanner, Assistant Director of Customer Services, Salford",
        "Service Area Champion: Martin Vickers, Director of Change, Salford",
        "Service Area Champions: Frances Topping, Brokerage and Procurement, Wigan; "
        "Paul Lucas, Operational Service Planning Departmental Manager, GMPTTE",
        "Dec 2009, extended to Mar 2010, extended to Jun 2010",
        "Jan 2010, extended to May 2010",
        "31 Jul 2009, extended to 31 Aug 2009",
        "Draft home to school policy has been circulated for comment",
        "CSG agreed to £50,000 funding to support Stage 0 & 1",
        "Key to Stages",
        "Stage 0 Preparation (agree scope, governance and collect initial data)",
        "Stage 2a Prepare Improvement Programme (Set up Project Board, establish resources",
        "Stage 2b Deliver Improvement Programme",
    ],
    ("milestones", ETTW): [
        "Lead CE: Chris Williams",
        "Programme Director recruitment.",
        "26–27 Jul 2007",
        "from Apr 2008",
        "Project manager: Martin Dickman, BCC",
    ],
    ("milestones", MIP): ["MiCARE Implementation", "Delivered: Oct 2008", "by Jun 2009"],
    ("milestones", HERTS): ["Heads of Service Appointed", "Appointed", "Q1 2009", "21 Jan 2009"],
    ("milestones", WIGAN): [
        "Cabinet Briefing",
        "early Dec 2006",
        "Delivered: 12 Dec 2006",
        "Delivered: 14 Jun 2007",
        "Final report and risk log taken to cabinet",
    ],
    ("programme", AGMA): ["Champion – John Tanner", "Collaborative Services Group"],
    ("programme", ETTW): [
        "Programme report 12 July 2007",
        "1. Programme Management",
        "Lead CE – Chris Williams",
        "Project manager – Martin Dickman",
        "Resource requirement up to £200K agreed by Leaders Group",
        "£200,000",
        "from Apr 2008",
        "Dependent on outcome of Phase 1",
        "Terms of reference agreed 4 Jun 2007 by Leaders Group",
        "Joint Improvement Board (JIB)",
        "Appendix 1 – budget",
        "£4,000,000",
        "20,000 minimum",
        "£181,521",
        "Running costs 2007/08",
        "£9,686.91",
        "Communications newsletter and mangers event",
    ],
    ("programme", MIP): ["MIP budget", "£4,000,000", "5.1. MiCARE Implementation"],
    ("programme", HERTS): ["Chief Executives' Co-ordination Group", "Bucks Partnership"],
    ("programme", WIGAN): ["Diversity Impact Assessment", "Part A completed"],
    ("grid", AGMA): ["Months shown: January 2010 to July 2010", "Stage 2a – Design"],
    ("grid", ETTW): ["Programme Director recruitment."],
    ("grid", MIP): ["Options submitted to SMT for consideration"],
    ("grid", HERTS): [
        "Programme Milestones 2008",
        "Update December 2008",
        "Urgent Action",
        "Action Underway",
        "On Target",
        "October 2008 November December January 2009 February March April",
        "21 Jan CECG",
        "4 Nov CES",
        "Heads of Service Appointed Appointed",
        "Back Office Sharing & Support Services",
        "County Councils' Network",
        "Regional Improvement and Efficiency",
    ],
    ("grid", WIGAN): ["No milestones fall due in these months."],
    ("committee", MIP): [
        "Resources and Governance Overview and Scrutiny Committee",
        "Report of Elaine Bowker, Strategic Director, Manchester Improvement Programme",
        "Purpose of report",
        "Members are asked to note the progress of the Manchester Improvement Programme",
        "Financial consequences for the revenue and capital budgets",
        "Elaine Bowker",
        "e.bowker@manchester.gov.uk 0161 219 6958",
        "Wards affected All",
        "Anti poverty: No",
        "1 Keynote",
        # The council's own 3.0 Financials, in its words (no second, worked-out Financials).
        "The MIP has a revenue recurring savings target for 2008/09 of £13.182m",
        "It is estimated that £10.885m savings will be achieved against this target, which is "
        "a shortfall of £2.297m",
        "business plan savings targets of £21.6m for 2009/10",
        "5.0 Key Achievements 2008/09",
        "5.1 MiCARE Implementation",
        "6.0 Indicative MIP Work Programme for 2009/10",
        "Establish an Information Governance Board",
    ],
    ("committee", WIGAN): [
        "Vicky Sharrock",
        "01942 827699",
        "Background papers",
        "Support Services Review Cabinet 14 Jun 2007 Democratic Services",
    ],
    # No cover sheet: nothing is printed in its place (no placeholder sentence).
    ("closure", WIGAN): [
        "Support Services Review - Project Closure",
        "Report of Deputy Chief Executive",
        "Proper officer: Sue Johnson. Date: 15 Sep 2008",
        "Appendix B – Review Objectives",
        "Produce a clear vision for future delivery of Support Services",
        "Future vision for support services was produced January 2007 and agreed by SMT",
        "£1.316m in 2008/09",  # the council's words; the worked-out savings table is off
        "Head of customer services",
        "£55,000",
        "Voice over IP technology",
        "Lessons learnt",
        "We could have involved Trade Unions more effectively during the review",
        "Appendix A – Key milestones",
        "Date due Date delivered Comments",
        "early Dec 2006 12 Dec 2006",
        "Appendix C – Updated Implementation Plan",
        "Current progress – poor",
        "Current progress – good",
        "Part A completed",
        "Appendix D – Updated Risk Log",
        "Leadership",
        "Chief Executive and Deputy Chief Executive",
        "Clear aims and objectives",
        "Service Director Corp Services",
    ],
    ("closure", MIP): ["Manchester Improvement Programme"],
    ("closure", AGMA): ["Key milestones", "Customer Contact"],
    ("closure", ETTW): ["Programme Director recruitment."],
    ("closure", HERTS): ["Key milestones", "Appointed"],
    ("risks", WIGAN): [
        "Risk register October 2008",
        "Heat map of the 21 open risks",
        "R1. Leadership",
        "Moderating factors",
        "Clear aims and objectives",
        "High",
        "Medium",
        "Low",
    ],
    ("risks", AGMA): ["No risks have been recorded for this programme."],
    ("risks", ETTW): ["No risks have been recorded for this programme."],
    ("risks", MIP): ["No risks have been recorded for this programme."],
    ("risks", HERTS): ["No risks have been recorded for this programme."],
    ("savings", WIGAN): [
        "Savings by financial year",
        "2007/08",
        "£738,000",
        "£1,316,000",
        "2010/11",
        "Head of customer services",
        "£130,000",
        "£1.316m",
    ],
    ("savings", MIP): ["£13,182,000", "£10,885,000", "£21,600,000", "No year given", "£5,168,000"],
    ("savings", AGMA): ["2010/11", "£1,300,000", "£1,310,000"],
    ("savings", ETTW): ["No savings have been recorded for this programme."],
    ("savings", HERTS): ["No savings have been recorded for this programme."],
}

MATRIX = [(kind, slug) for kind in KINDS for slug in SEED_AS_AT]


@pytest.mark.parametrize(("kind", "slug"), MATRIX)
def test_report_prints_the_seed_facts(rendered, kind, slug):
    """With dates in one style (the report option); test_native_packs checks the reports in
    their authors' words, in the seeds' order."""
    text = rendered(kind, slug, normalise=True).text
    missing = [fact for fact in [*FACTS.get((kind, slug), []), GLOSSARY[slug]] if fact not in text]
    assert not missing, f"not in the {kind} report of {slug}: {missing}"


@pytest.mark.parametrize(("kind", "slug"), MATRIX)
def test_every_page_has_the_running_header_and_footer(rendered, kind, slug):
    report = rendered(kind, slug)
    as_at = f"As at {SEED_AS_AT[slug]:%-d %B %Y}"
    total = len(report.pages)
    for number, page in enumerate(report.pages, start=1):
        page = words(page)
        assert f"Page {number} of {total}" in page
        assert as_at in page
        assert "Draft, not issued" in page


@pytest.mark.parametrize("kind", ["milestones", "grid", "risks"])
def test_wide_reports_print_on_landscape_pages(rendered, kind):
    for slug in SEED_AS_AT:
        for page in rendered(kind, slug).reader.pages:
            assert page.mediabox.width > page.mediabox.height


def test_portrait_reports_stay_portrait(rendered):
    for page in rendered("programme", ETTW).reader.pages:
        assert page.mediabox.width < page.mediabox.height


def test_closure_report_turns_only_its_wide_tables_to_landscape(rendered):
    pages = rendered("closure", WIGAN).reader.pages
    orientations = {page.mediabox.width > page.mediabox.height for page in pages}
    assert orientations == {True, False}
    first = pages[0]
    assert first.mediabox.width < first.mediabox.height  # the cover sheet


def test_pdf_metadata_and_tagging(rendered):
    reader = rendered("milestones", AGMA).reader
    assert reader.metadata.title == "Milestones Report March 2010"
    assert reader.metadata.author == "Association of Greater Manchester Authorities"
    assert reader.metadata.subject == (
        "AGMA Collaborative Services: Milestones report, as at 31 March 2010"
    )
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog


def test_committee_report_author_is_who_the_report_is_of(rendered):
    reader = rendered("committee", MIP).reader
    assert reader.metadata.author == (
        "Elaine Bowker, Strategic Director, Manchester Improvement Programme"
    )


def test_the_font_shipped_with_the_application_is_embedded(rendered):
    reader = rendered("programme", ETTW).reader
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("Source-Sans-3" in name for name in fonts)


def test_table_headers_repeat_on_every_page_of_a_long_table(rendered):
    pages = [words(page) for page in rendered("closure", WIGAN).pages]
    risk_pages = [page for page in pages if "Lead officer Moderating factors" in page]
    assert len(risk_pages) >= 2
