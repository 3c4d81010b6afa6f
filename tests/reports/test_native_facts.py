"""Seeds 000 and 001 fact by fact, in their authors' words and in the seeds' order: each service
area or work stream with its people, each stage or milestone with its dates as written and their
slippage, the comments and amounts, then the keys (issue 11 §5). test_native_packs holds the
same for seeds 002 to 004."""

import pytest

from .test_native_packs import AGMA, ETTW, INVENTED, in_order

# Seed 000, "Milestones Report March 2010", table by table.
AGMA_FACTS = [
    "Milestones Report March 2010",
    "Service Area: Customer Contact",
    "Service Area Champion: John Tanner, Assistant Director of Customer Services, Salford",
    "Stage 1 January '09 March '09",
    "estimated potential cashable efficiency saving of £5.8m – these figures were challenged.",
    "£1.3m individual opportunity savings identified in Sep 09 for delivery in 2010",
    "Stage 2a Design of Collaborative Improvement & Joint Working July '09 Jan '10",
    "Wigan has produced initial savings figures of £180k for these two areas.",
    "Stage 2b Delivery of Collaborative Improvement & Joint Working Feb '10",
    "6 authorities have expressed an interest in taking this forward.",
    "Service Area: Social Transport",
    "Service Area Champions: Frances Topping, Brokerage and Procurement, Wigan; "
    "Paul Lucas, Operational Service Planning Departmental Manager, GMPTTE",
    "estimated potential cashable efficiency saving of £7.6m",
    "£1.31m individual opportunity savings",
    "Stage 2a Deliver Programme October '10 December '10",
    "Stage 2b Delivery of Collaborative Improvement & Joint Working January '10 June '10",
    "Project teams established for Shared Technology and Taxi Procurement.",
    "Shared technology",
    "The model developed between Tameside and GMPTTE is being documented in a case study.",
    "Taxi Procurement",
    "Draft home to school policy has been circulated for comment.",
    "Service Area: VPMM",
    "Service Area Champion: Martin Vickers, Director of Change, Salford",
    "31 August '09",
    "Proposal agreed by CSG – Dec 2009",
    "Stage 2a – Design January 2010 February 2010",
    "Launch event held 16 March.",
    "Prioritising the 16 opportunities identified in the Stage 1 report",
    "Stage 2b – Deliver Programme April 2010 March 2012",
    "Service Area: Transactional Finance",
    "Service Area Champion: Andrew Baldwin, Head of Financial Management, Bury",
    "Scope defined April '09 May '09",
    "Stage 0 - pilot June '09 July '09",
    "Stage 1 October '09 January '10, Deadline extended to May '10",
    "Service Area: Transactional HR",
    "Service Area Champion: Phil Badley, Director - Organisation Development, Stockport",
    "Stage 0-1 September '09 December '09, Extended to March 2010, Extended to June 2010",
    "CSG agreed to £50,000 funding to support Stage 0 & 1.",
    "Service Area: IT",
    "Service Area Champion: David Hunter, Assistant Director - Corporate ICT, Salford",
    "Stage 0 September '09 October '09",
    "Stage 1 December '09 March '10, Extended to May 2010",
    "Service Area: Collaborative Insurance",
    "Service Area Champion: Stephen Kenyon, Head of Strategic Finance, Bury",
    "Scope signed off by CSG",
    "Dragon's Den exercise undertaken with insurers and brokers.",
    "Stage 1 November '09 January '10, Deadline extended to May 2010",
    "A report on the project will go the next meeting of the Treasurers.",
    "Service Area: Workforce Development",
    "Service Area Champion: Marie Basting, Head of Improvement, Rochdale",
    "Workshop held on 21.01.10 to identify the opportunities.",
    "Stage 1 February '10 April '10",
    "Service Area: Children's Services",
    "Service Area Champion: Andrew Webb, Director CS, Stockport",
    "Scope defined Jul '09 October '09",
    "Stage1 May '10 September'10",
    "Service Area: Adult Social Care",
    "Service Area Champion: John Rutherford, Director Adult SC, Bolton",
    "for reporting to CSG 18 November '09",
    "Facilitated event with Directors of Adult Social Care held on 15th January '10.",
    "Key to Stages",
    "Stage 0 Preparation (agree scope, governance and collect initial data)",
    "Stage 1 Identify improvement opportunities",
    "Stage 2a Prepare Improvement Programme (Set up Project Board, establish resources, produce "
    "project plan. Stakeholder engagement etc.)",
    "Stage 2b Deliver Improvement Programme",
]

# Seed 001, "Programme report 12 July 2007": the work streams 1 to 5 in their order, each with its
# lead, progress, milestones and timescales as written, and its estimated costs; then Appendix 1.
ETTW_FACTS = [
    "Programme report 12 July 2007",
    "1. Programme Management",
    "Lead CE – Chris Williams",
    "Resource requirement up to £200K agreed by Leaders Group",
    "IDEA held event for pathfinders 26th June 2007",
    "Pool of £400k for the pathfinder programme agreed by Leaders on 19-3-07",
    "Programme Director recruitment. 26th and 27th July 2007 £200,000",
    "Programme support to be identified and put in place August 2007",
    "JIB to approve budget for each project - see Appendix 1 26 July 2007",
    "ToR to be agreed by each authority's Cabinet to Council Update on 12 July",
    "Proposals for joint scrutiny to CADEX. 31 August 2007",
    "2. Communication and Change Management",
    "Lead CE – Karen Satterford",
    "Newsletter launched 22 June 2007",
    "Extranet site to be established End July 2007 £25,000",
    "Project plan for change management to be agreed and reported back to CADEX September 2007",
    "3. Community Engagement",
    "Develop single database March 2008 £10,000",
    "Parish Charter – launch of new joint charter January 2008",
    "4. Joint working on procurement",
    "Lead CE – Chris Furness",
    "Procurement Board up and running with agreed terms of reference November 2007 £50,000",
    "5. Areas for Joint Working – Waste",
    "Lead CE – Alan Goodrum",
    "Project manager – Martin Dickman",
    "This phase will deliver an options report March 2008 £75,000",
    "Areas for Joint Working – Demand led transport",
    "Project manager – Oliver Asbury",
    "Project Scoping April–June 07 £30,000",
    "To contact main operators and develop draft operator scheme end August 2007",
    "Councils to present proposals to Operators, 11 Sept. 2007",
    "Operate under new scheme from April 2008",
    "Areas for Joint Working – Shared Services",
    "Project manager – Ian Trenholm",
    "July – August 2007 £200,000",
    "Phase 1: Work-up of final options November ‘07",
    "Phase 1: Report to JIB February 08",
    "Dependent on outcome of Phase 1",
    "Areas for Joint Working – Customer service",
    "Lead CE – Andrew Grant",
    "Project manager – Lesley Yates",
    "Complete research and analysis October 2007 £32,000",
    "Implementation Starts, subject to approval From April 2008",
    "Governance",
    "Joint Improvement Board (JIB)",
    "Appendix 1 – budget",
    "20,000 minimum",
]


@pytest.mark.django_db
def test_the_agma_milestones_report_carries_seed_000_in_its_order(rendered):
    text = rendered("milestones", AGMA).text
    assert in_order(text, AGMA_FACTS) == []
    assert [words for words in INVENTED if words in text] == []


@pytest.mark.django_db
def test_the_ettw_programme_report_carries_seed_001_in_its_order(rendered):
    text = rendered("programme", ETTW).text
    assert in_order(text, ETTW_FACTS) == []
    # Work stream 5 has nothing of its own: no table of placeholders, its number on Waste.
    assert "5. Areas for Joint Working Progress" not in text
    assert "No milestones recorded." not in text
    assert [words for words in INVENTED if words in text] == []
