"""Tests for core.fuzzydates: dates as people write them in the seed reports, and the
impossible ones they sometimes write."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.fuzzydates import (
    DateMove,
    FuzzyDate,
    Precision,
    Slippage,
    financial_year_label,
    financial_year_of,
    format,
    parse,
    parse_financial_year,
    parse_slippage,
)

P = Precision
D = date

# (text, year_hint, earliest, latest, precision). Every date expression of the five seed reports,
# then the DOMAIN.md list, then common variants.
SEED_000_MILESTONES = [
    # Start Dates and Completion Dates columns
    ("January '09", None, D(2009, 1, 1), D(2009, 1, 31), P.MONTH),
    ("March '09", None, D(2009, 3, 1), D(2009, 3, 31), P.MONTH),
    ("July '09", None, D(2009, 7, 1), D(2009, 7, 31), P.MONTH),
    ("Jan '10", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    ("Feb '10", None, D(2010, 2, 1), D(2010, 2, 28), P.MONTH),
    ("October '10 January '10", None, D(2010, 10, 1), D(2010, 10, 31), P.MONTH),
    ("December '10 June '10", None, D(2010, 12, 1), D(2010, 12, 31), P.MONTH),
    ("June '09", None, D(2009, 6, 1), D(2009, 6, 30), P.MONTH),
    ("31 August '09 – moved from 31st July'09", None, D(2009, 8, 31), D(2009, 8, 31), P.DAY),
    ("January 2010", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    ("February 2010", None, D(2010, 2, 1), D(2010, 2, 28), P.MONTH),
    ("April 2010", None, D(2010, 4, 1), D(2010, 4, 30), P.MONTH),
    ("March 2012", None, D(2012, 3, 1), D(2012, 3, 31), P.MONTH),
    ("April '09", None, D(2009, 4, 1), D(2009, 4, 30), P.MONTH),
    ("May '09", None, D(2009, 5, 1), D(2009, 5, 31), P.MONTH),
    ("October '09", None, D(2009, 10, 1), D(2009, 10, 31), P.MONTH),
    ("January '10 Deadline extended to May '10", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    ("September '09", None, D(2009, 9, 1), D(2009, 9, 30), P.MONTH),
    (
        "December '09 Extended to March 2010 Extended to June 2010",
        None,
        D(2009, 12, 1),
        D(2009, 12, 31),
        P.MONTH,
    ),
    ("December '09", None, D(2009, 12, 1), D(2009, 12, 31), P.MONTH),
    ("March '10 Extended to May 2010", None, D(2010, 3, 1), D(2010, 3, 31), P.MONTH),
    ("November '09", None, D(2009, 11, 1), D(2009, 11, 30), P.MONTH),
    ("January '10 Deadline\n extended to May 2010", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    ("February '10", None, D(2010, 2, 1), D(2010, 2, 28), P.MONTH),
    ("April '10", None, D(2010, 4, 1), D(2010, 4, 30), P.MONTH),
    ("Jul '09", None, D(2009, 7, 1), D(2009, 7, 31), P.MONTH),
    ("March '10", None, D(2010, 3, 1), D(2010, 3, 31), P.MONTH),
    ("May '10", None, D(2010, 5, 1), D(2010, 5, 31), P.MONTH),
    ("September'10", None, D(2010, 9, 1), D(2010, 9, 30), P.MONTH),
    (
        "October '09 for reporting to CSG 18 November '09",
        None,
        D(2009, 10, 1),
        D(2009, 10, 31),
        P.MONTH,
    ),
    # dates in the Comment/Current Activity column
    ("(Jul'09)", None, D(2009, 7, 1), D(2009, 7, 31), P.MONTH),
    ("(Jul '09)", None, D(2009, 7, 1), D(2009, 7, 31), P.MONTH),
    ("identified in Sep 09 for delivery in 2010", None, D(2009, 9, 1), D(2009, 9, 30), P.MONTH),
    ("has met Jan'10 to produce", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    (
        "Final document produced March 10 and presented",
        None,
        D(2010, 3, 1),
        D(2010, 3, 31),
        P.MONTH,
    ),
    ("Proposal agreed by CSG – Dec 2009", None, D(2009, 12, 1), D(2009, 12, 31), P.MONTH),
    ("(Dec 09)", None, D(2009, 12, 1), D(2009, 12, 31), P.MONTH),
    ("Launch event held 16 March", 2010, D(2010, 3, 16), D(2010, 3, 16), P.DAY),
    ("Update report presented to CSG on Mar 10", None, D(2010, 3, 1), D(2010, 3, 31), P.MONTH),
    (
        "Collaborative Customer Profiling project to start in 2010",
        None,
        D(2010, 1, 1),
        D(2010, 12, 31),
        P.YEAR,
    ),
    ("Deadline has passed end of February 2010", None, D(2010, 2, 21), D(2010, 2, 28), P.END_MONTH),
    ("Workshops to take place in April and May 2010", None, D(2010, 4, 1), D(2010, 5, 31), P.RANGE),
    (
        "All data collection has been completed March 2010",
        None,
        D(2010, 3, 1),
        D(2010, 3, 31),
        P.MONTH,
    ),
    ("from December 09 to the end of Feb 2010", None, D(2009, 12, 1), D(2010, 2, 28), P.RANGE),
    ("1 st Deadline missed end of Feb 2010", None, D(2010, 2, 21), D(2010, 2, 28), P.END_MONTH),
    ("new deadline of end of March 2010", None, D(2010, 3, 21), D(2010, 3, 31), P.END_MONTH),
    ("will now commence in April 2010", None, D(2010, 4, 1), D(2010, 4, 30), P.MONTH),
    ("update at CSG 10 th March 2010", None, D(2010, 3, 10), D(2010, 3, 10), P.DAY),
    ("Wednesday 24 th March 2010", None, D(2010, 3, 24), D(2010, 3, 24), P.DAY),
    ("Planning session held Friday 26 th March 2010", None, D(2010, 3, 26), D(2010, 3, 26), P.DAY),
    ("Workshops are to be held in April", 2010, D(2010, 4, 1), D(2010, 4, 30), P.MONTH),
    ("Data Collection completed December 09", None, D(2009, 12, 1), D(2009, 12, 31), P.MONTH),
    ("Workshop held on 21.01.10", None, D(2010, 1, 21), D(2010, 1, 21), P.DAY),
    ("has commenced in January '10", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    ("with the group by mid April", 2010, None, D(2010, 4, 20), P.BY),
    ("Workshop held on 18th February 2010", None, D(2010, 2, 18), D(2010, 2, 18), P.DAY),
    ("presented update at CSG 10th March 2010", None, D(2010, 3, 10), D(2010, 3, 10), P.DAY),
    ("Workshop held 24th March 2010", None, D(2010, 3, 24), D(2010, 3, 24), P.DAY),
    ("Successful workshop held on 12 th April 2010", None, D(2010, 4, 12), D(2010, 4, 12), P.DAY),
    ("held on 15 th January '10", None, D(2010, 1, 15), D(2010, 1, 15), P.DAY),
    ("Report due April 2010", None, D(2010, 4, 1), D(2010, 4, 30), P.MONTH),
    ("Milestones Report March 2010", None, D(2010, 3, 1), D(2010, 3, 31), P.MONTH),
]

SEED_001_TIMESCALES = [
    # Timescale column
    ("26 th and 27 th July 2007", None, D(2007, 7, 26), D(2007, 7, 27), P.RANGE),
    ("August 2007", None, D(2007, 8, 1), D(2007, 8, 31), P.MONTH),
    ("September 2007", None, D(2007, 9, 1), D(2007, 9, 30), P.MONTH),
    ("26 July 2007", None, D(2007, 7, 26), D(2007, 7, 26), P.DAY),
    ("July 2007", None, D(2007, 7, 1), D(2007, 7, 31), P.MONTH),
    ("Update on 12 July", None, None, None, P.UNDATED),
    ("Update on 12 July", 2007, D(2007, 7, 12), D(2007, 7, 12), P.DAY),
    ("31 August 2007", None, D(2007, 8, 31), D(2007, 8, 31), P.DAY),
    ("End July 2007", None, D(2007, 7, 21), D(2007, 7, 31), P.END_MONTH),
    ("March 2008", None, D(2008, 3, 1), D(2008, 3, 31), P.MONTH),
    ("January 2008", None, D(2008, 1, 1), D(2008, 1, 31), P.MONTH),
    ("November 2007", None, D(2007, 11, 1), D(2007, 11, 30), P.MONTH),
    ("April 2008", None, D(2008, 4, 1), D(2008, 4, 30), P.MONTH),
    ("October 2008", None, D(2008, 10, 1), D(2008, 10, 31), P.MONTH),
    ("March 2009", None, D(2009, 3, 1), D(2009, 3, 31), P.MONTH),
    ("April–June 07", None, D(2007, 4, 1), D(2007, 6, 30), P.RANGE),
    ("end August 2007", None, D(2007, 8, 21), D(2007, 8, 31), P.END_MONTH),
    ("11 Sept. 2007", None, D(2007, 9, 11), D(2007, 9, 11), P.DAY),
    ("1 Dec. 2007", None, D(2007, 12, 1), D(2007, 12, 1), P.DAY),
    ("from April 2008", None, D(2008, 4, 1), None, P.FROM),
    ("from August 2007", None, D(2007, 8, 1), None, P.FROM),
    ("July – August 2007", None, D(2007, 7, 1), D(2007, 8, 31), P.RANGE),
    ("July – October 2007", None, D(2007, 7, 1), D(2007, 10, 31), P.RANGE),
    ("November ‘07 December ‘07 February 08", None, D(2007, 11, 1), D(2007, 11, 30), P.MONTH),
    ("Dependent on outcome of Phase 1", None, None, None, P.UNDATED),
    ("October 2007", None, D(2007, 10, 1), D(2007, 10, 31), P.MONTH),
    ("End March 2008", None, D(2008, 3, 21), D(2008, 3, 31), P.END_MONTH),
    ("From April 2008", None, D(2008, 4, 1), None, P.FROM),
    # Progress to date, budget and prose
    ("Programme report 12 July 2007", None, D(2007, 7, 12), D(2007, 7, 12), P.DAY),
    ("IDEA held event for pathfinders 26th June 2007", None, D(2007, 6, 26), D(2007, 6, 26), P.DAY),
    ("In post from 1 May", 2007, D(2007, 5, 1), None, P.FROM),
    ("agreed by Leaders on 19-3-07", None, D(2007, 3, 19), D(2007, 3, 19), P.DAY),
    ("agreed at Leaders meeting on 4 June.", 2007, D(2007, 6, 4), D(2007, 6, 4), P.DAY),
    (
        "Joint Senior Management seminar held 27 April 2007",
        None,
        D(2007, 4, 27),
        D(2007, 4, 27),
        P.DAY,
    ),
    ("Progress report compiled March 07", None, D(2007, 3, 1), D(2007, 3, 31), P.MONTH),
    ("Progress report June 2007 compiled", None, D(2007, 6, 1), D(2007, 6, 30), P.MONTH),
    ("IDEa pathfinder event 26-6-07", None, D(2007, 6, 26), D(2007, 6, 26), P.DAY),
    ("LGA conference w/c 2-7-07", None, D(2007, 7, 2), D(2007, 7, 8), P.WEEK),
    ("Newsletter launched 22 June 2007", None, D(2007, 6, 22), D(2007, 6, 22), P.DAY),
    (
        "A joint Member event to be held in October 2007",
        None,
        D(2007, 10, 1),
        D(2007, 10, 31),
        P.MONTH,
    ),
    ("to be arranged for Autumn", None, None, None, P.UNDATED),
    ("to be arranged for Autumn", 2007, D(2007, 9, 1), D(2007, 11, 30), P.SEASON),
    ("Initial report to the JIB 26th July", 2007, D(2007, 7, 26), D(2007, 7, 26), P.DAY),
    (
        "Prioritisation of 2008/09 procurement activity",
        None,
        D(2008, 4, 1),
        D(2009, 3, 31),
        P.FINANCIAL_YEAR,
    ),
    ("Phase 2 of this project will run during 2008", None, D(2008, 1, 1), D(2008, 12, 31), P.YEAR),
    ("expected to run from March 2009", None, D(2009, 3, 1), None, P.FROM),
    ("Draft Budget 12 July 2007", None, D(2007, 7, 12), D(2007, 7, 12), P.DAY),
    ("Programme Management Budget 2007/08", None, D(2007, 4, 1), D(2008, 3, 31), P.FINANCIAL_YEAR),
    ("Cost for 2007/08 and 2008/09", None, D(2007, 4, 1), D(2008, 3, 31), P.FINANCIAL_YEAR),
    ("Pathfinder Director (estimate Oct-March)", 2007, D(2007, 10, 1), D(2008, 3, 31), P.RANGE),
    (
        "Programme support officer (estimate Oct – March)",
        2007,
        D(2007, 10, 1),
        D(2008, 3, 31),
        P.RANGE,
    ),
    ("estimate Oct-March", None, None, None, P.UNDATED),
    ("tbc", None, None, None, P.UNDATED),
    ("Resource requirement up to £200K agreed", None, None, None, P.UNDATED),
]

# Seed 003 is a month grid (October 2008 ... April 2009): each cell is read with its column's year.
SEED_003_GRID = [
    ("January 09", None, D(2009, 1, 1), D(2009, 1, 31), P.MONTH),
    ("Programme Milestones 2008", None, D(2008, 1, 1), D(2008, 12, 31), P.YEAR),
    ("6 monthly update December 2008", None, D(2008, 12, 1), D(2008, 12, 31), P.MONTH),
    (
        "4<sup>th</sup> Nov CES<br>6<sup>th</sup> Nov Leaders",
        2008,
        D(2008, 11, 4),
        D(2008, 11, 4),
        P.DAY,
    ),
    ("4<sup>th</sup> Nov", None, None, None, P.UNDATED),
    ("19<sup>th</sup> Nov CECG", 2008, D(2008, 11, 19), D(2008, 11, 19), P.DAY),
    ("21<sup>st</sup> Jan CECG", 2009, D(2009, 1, 21), D(2009, 1, 21), P.DAY),
    (
        "2<sup>nd</sup> Feb Leaders/5<sup>th</sup> Feb HCFOs",
        2009,
        D(2009, 2, 2),
        D(2009, 2, 2),
        P.DAY,
    ),
    (
        "5<sup>th</sup> Mar HCFOs/11<sup>th</sup> March CECG",
        2009,
        D(2009, 3, 5),
        D(2009, 3, 5),
        P.DAY,
    ),
    ("2<sup>nd</sup> April HCFOs", 2009, D(2009, 4, 2), D(2009, 4, 2), P.DAY),
    ("26<sup>th</sup> Nov Legal officers mtg", 2008, D(2008, 11, 26), D(2008, 11, 26), P.DAY),
    ("1<sup>st</sup> Dec Leaders<br>16 Dec Bucks mtg", 2008, D(2008, 12, 1), D(2008, 12, 1), P.DAY),
    ("16 Dec Bucks mtg Alan Progress Update", 2008, D(2008, 12, 16), D(2008, 12, 16), P.DAY),
    ("Q1 2009", None, D(2009, 1, 1), D(2009, 3, 31), P.QUARTER),
    ("Q3 2009", None, D(2009, 7, 1), D(2009, 9, 30), P.QUARTER),
    ("Q1 2010", None, D(2010, 1, 1), D(2010, 3, 31), P.QUARTER),
    ("27<sup>th</sup> Nov Procurement Officers", 2008, D(2008, 11, 27), D(2008, 11, 27), P.DAY),
    ("Procurement Group – 29<sup>th</sup> Jan", 2009, D(2009, 1, 29), D(2009, 1, 29), P.DAY),
    (
        "14<sup>th</sup> Nov CLG meeting/national evaluations, national events tbc",
        2008,
        D(2008, 11, 14),
        D(2008, 11, 14),
        P.DAY,
    ),
    (
        "RIEP/ Go East dates to be agreed/Bucks 22<sup>nd</sup> Dec pathfinders (tbc)",
        2008,
        D(2008, 12, 22),
        D(2008, 12, 22),
        P.DAY,
    ),
    ("Evaluation national panel covered TBC/3 Feb OPM", 2009, D(2009, 2, 3), D(2009, 2, 3), P.DAY),
    (
        "18 Mar OPM / Forward dates OPM 28 Apr/2 June/21 July/8 Sept/13 Oct/8 Dec",
        2009,
        D(2009, 3, 18),
        D(2009, 3, 18),
        P.DAY,
    ),
    ("Forward dates OPM 28 Apr/2 June", 2009, D(2009, 4, 28), D(2009, 4, 28), P.DAY),
    (
        "Report CEs 21<sup>st</sup> Jan &amp; 15<sup>th</sup> Jan Finance Focus",
        2009,
        D(2009, 1, 21),
        D(2009, 1, 21),
        P.DAY,
    ),
    ("4<sup>th</sup> Dec HCFOs", 2008, D(2008, 12, 4), D(2008, 12, 4), P.DAY),
    ("2<sup>nd</sup> Oct HCFOs", 2008, D(2008, 10, 2), D(2008, 10, 2), P.DAY),
    (
        "6<sup>th</sup> Jan Legal Officers tbc<br>8<sup>th</sup> Jan HCFOs",
        2009,
        D(2009, 1, 6),
        D(2009, 1, 6),
        P.DAY,
    ),
    ("Ongoing", None, None, None, P.UNDATED),
    ("Ongoing/13 Jan CA Group report", 2009, D(2009, 1, 13), D(2009, 1, 13), P.DAY),
    ("Joint Training Dec.", 2008, D(2008, 12, 1), D(2008, 12, 31), P.MONTH),
    ("2<sup>nd</sup> Feb Leaders/24 Feb Group mtg", 2009, D(2009, 2, 2), D(2009, 2, 2), P.DAY),
    ("7<sup>th</sup> April Group Mtg", 2009, D(2009, 4, 7), D(2009, 4, 7), P.DAY),
    (
        "13<sup>th</sup> Jan Group 21<sup>st</sup> Jan CECG",
        2009,
        D(2009, 1, 13),
        D(2009, 1, 13),
        P.DAY,
    ),
    (
        "17th &amp; 18th Nov CCN event<br>20th Nov All day Innovation LGA event",
        2008,
        D(2008, 11, 17),
        D(2008, 11, 18),
        P.RANGE,
    ),
    ("National Pathfinder Conf –Date TBC", 2009, None, None, P.UNDATED),
    ("10th Feb CCN /Regional events TBC", 2009, D(2009, 2, 10), D(2009, 2, 10), P.DAY),
    ("3<sup>rd</sup> Feb National Liaison at OPM", 2009, D(2009, 2, 3), D(2009, 2, 3), P.DAY),
    (
        "RIEP – Funding likely to be released/18<sup>th</sup> Mar National Liaison",
        2009,
        D(2009, 3, 18),
        D(2009, 3, 18),
        P.DAY,
    ),
    (
        "LGA Annual 30<sup>th</sup> June – 2<sup>nd</sup> July Harrogate",
        2009,
        D(2009, 6, 30),
        D(2009, 7, 2),
        P.RANGE,
    ),
    ("Decide on 2009 magazine etc/website dev", None, D(2009, 1, 1), D(2009, 12, 31), P.YEAR),
    ("Submit to RIEP for up to £167K", None, None, None, P.UNDATED),
    ("<i>To be confirmed and discussed</i>", 2008, None, None, P.UNDATED),
    ("Back Office Sharing &amp; Support Services", 2008, None, None, P.UNDATED),
]

SEED_004_MILESTONES = [
    # Appendix A: Date due
    ("Early December 2006", None, D(2006, 12, 1), D(2006, 12, 10), P.EARLY_MONTH),
    ("Mid December 2006", None, D(2006, 12, 11), D(2006, 12, 20), P.MID_MONTH),
    ("Early February 2007", None, D(2007, 2, 1), D(2007, 2, 10), P.EARLY_MONTH),
    ("Mid February 2007", None, D(2007, 2, 11), D(2007, 2, 20), P.MID_MONTH),
    ("Third Week February 2007", None, D(2007, 2, 15), D(2007, 2, 21), P.WEEK),
    ("27 Feb 2007", None, D(2007, 2, 27), D(2007, 2, 27), P.DAY),
    ("27 March 2007", None, D(2007, 3, 27), D(2007, 3, 27), P.DAY),
    # Appendix A: Date delivered
    ("12/12/06", None, D(2006, 12, 12), D(2006, 12, 12), P.DAY),
    ("19/12/06", None, D(2006, 12, 19), D(2006, 12, 19), P.DAY),
    ("20/03/07 19/02/07", None, D(2007, 3, 20), D(2007, 3, 20), P.DAY),
    ("27/03/07", None, D(2007, 3, 27), D(2007, 3, 27), P.DAY),
    ("26/03/07", None, D(2007, 3, 26), D(2007, 3, 26), P.DAY),
    ("24/04/07 30/04/07 8/05/07", None, D(2007, 4, 24), D(2007, 4, 24), P.DAY),
    ("14/06/07", None, D(2007, 6, 14), D(2007, 6, 14), P.DAY),
    # Appendix E: Start and end date
    ("April 08", None, D(2008, 4, 1), D(2008, 4, 30), P.MONTH),
    ("July 08", None, D(2008, 7, 1), D(2008, 7, 31), P.MONTH),
    ("May 08", None, D(2008, 5, 1), D(2008, 5, 31), P.MONTH),
    ("On completion of strategy", None, None, None, P.UNDATED),
    ("April 2008 March 2009", None, D(2008, 4, 1), D(2009, 3, 31), P.RANGE),
    ("July 2008 March 2009", None, D(2008, 7, 1), D(2009, 3, 31), P.RANGE),
    ("April 2008 march 2009", None, D(2008, 4, 1), D(2009, 3, 31), P.RANGE),
    # Appendix E: Date column
    ("July 2008", None, D(2008, 7, 1), D(2008, 7, 31), P.MONTH),
    ("2008/09", None, D(2008, 4, 1), D(2009, 3, 31), P.FINANCIAL_YEAR),
    ("October 2009", None, D(2009, 10, 1), D(2009, 10, 31), P.MONTH),
    ("October 2008", None, D(2008, 10, 1), D(2008, 10, 31), P.MONTH),
    # cover sheet, background papers and prose
    ("Date: 6 October 2008", None, D(2008, 10, 6), D(2008, 10, 6), P.DAY),
    (
        "the two financial years 2008-9 and 2009-10",
        None,
        D(2008, 4, 1),
        D(2009, 3, 31),
        P.FINANCIAL_YEAR,
    ),
    ("2009-10", None, D(2009, 4, 1), D(2010, 3, 31), P.FINANCIAL_YEAR),
    ("14 June 2007", None, D(2007, 6, 14), D(2007, 6, 14), P.DAY),
    ("27 September 2007", None, D(2007, 9, 27), D(2007, 9, 27), P.DAY),
    ("11 February 2008", None, D(2008, 2, 11), D(2008, 2, 11), P.DAY),
    ("Date 15 September 2008", None, D(2008, 9, 15), D(2008, 9, 15), P.DAY),
    ("initiated in October 2006", None, D(2006, 10, 1), D(2006, 10, 31), P.MONTH),
    ("agreed in June 2007", None, D(2007, 6, 1), D(2007, 6, 30), P.MONTH),
    ("Timescales: September 2008", None, D(2008, 9, 1), D(2008, 9, 30), P.MONTH),
    ("budgets for 2008/09 through to 2010/11", None, D(2008, 4, 1), D(2011, 3, 31), P.RANGE),
    (
        "Further reduction of £1.25m in 2010/11",
        None,
        D(2010, 4, 1),
        D(2011, 3, 31),
        P.FINANCIAL_YEAR,
    ),
    (
        "Net underspends in 2007/08 was £738,000",
        None,
        D(2007, 4, 1),
        D(2008, 3, 31),
        P.FINANCIAL_YEAR,
    ),
    ("in the first quarter of 2008/09", None, D(2008, 4, 1), D(2008, 6, 30), P.FINANCIAL_QUARTER),
    ("due to be completed by the end September", 2008, None, D(2008, 9, 30), P.BY),
    ("Service will transfer to BSS on 1 August 2008", None, D(2008, 8, 1), D(2008, 8, 1), P.DAY),
    ("Co-location working across partnership – June", 2008, D(2008, 6, 1), D(2008, 6, 30), P.MONTH),
    ("expected mid January", 2009, D(2009, 1, 11), D(2009, 1, 20), P.MID_MONTH),
    ("Reports to go to Cabinet on 26 June", 2008, D(2008, 6, 26), D(2008, 6, 26), P.DAY),
    ("Findings reported to PMT 22 July", 2008, D(2008, 7, 22), D(2008, 7, 22), P.DAY),
    ("High at June 2007", None, D(2007, 6, 1), D(2007, 6, 30), P.MONTH),
    ("Throughout the process so therefore will be High", None, None, None, P.UNDATED),
]

SEED_002_PROSE = [
    ("DATE: 5TH FEBRUARY 2009", None, D(2009, 2, 5), D(2009, 2, 5), P.DAY),
    ("Scrutiny Committee in February 2008", None, D(2008, 2, 1), D(2008, 2, 29), P.MONTH),
    ("to the end of 2008/09 of £22.5m", None, D(2008, 4, 1), D(2009, 3, 31), P.FINANCIAL_YEAR),
    ("will be achieved by March 2009", None, None, D(2009, 3, 31), P.BY),
    ("From the 2009/10 financial year onwards", None, D(2009, 4, 1), None, P.FROM),
    (
        "£21.6m for 2009/10, and £14.4m for 2010/11",
        None,
        D(2009, 4, 1),
        D(2010, 3, 31),
        P.FINANCIAL_YEAR,
    ),
    ("additional funds in April 2008", None, D(2008, 4, 1), D(2008, 4, 30), P.MONTH),
    ("as of July 2008", None, D(2008, 7, 1), D(2008, 7, 31), P.MONTH),
    ("scheduled to complete by June 2009", None, None, D(2009, 6, 30), P.BY),
    ("rolled out across the service by May 2009", None, None, D(2009, 5, 31), P.BY),
    (
        "submitted to SMT for consideration in February 2009",
        None,
        D(2009, 2, 1),
        D(2009, 2, 28),
        P.MONTH,
    ),
    ("presented to SMT in February", 2009, D(2009, 2, 1), D(2009, 2, 28), P.MONTH),
    ("In August 2008 the Town Hall", None, D(2008, 8, 1), D(2008, 8, 31), P.MONTH),
    ("launched in November 2008", None, D(2008, 11, 1), D(2008, 11, 30), P.MONTH),
    ("concordat issued in December 2007", None, D(2007, 12, 1), D(2007, 12, 31), P.MONTH),
    ("implemented in June 2008", None, D(2008, 6, 1), D(2008, 6, 30), P.MONTH),
    ("signed off at the end of 2008", None, D(2008, 9, 1), D(2008, 12, 31), P.END_YEAR),
    ("will go live on 1st April 2009", None, D(2009, 4, 1), D(2009, 4, 1), P.DAY),
    ("with effect from April 2008", None, D(2008, 4, 1), None, P.FROM),
    ("In January 2008, MIP seconded", None, D(2008, 1, 1), D(2008, 1, 31), P.MONTH),
    ("first year of trading (07/08)", None, D(2007, 4, 1), D(2008, 3, 31), P.FINANCIAL_YEAR),
    (
        "pilot implementation of the shared service late in 2009",
        None,
        D(2009, 9, 1),
        D(2009, 12, 31),
        P.END_YEAR,
    ),
    ("submitted to SMT early in 2009", None, D(2009, 1, 1), D(2009, 4, 30), P.EARLY_YEAR),
    ("suppliers for 3 to 5 years from April 2010", None, D(2010, 4, 1), None, P.FROM),
    ("the 14-19 Partnership Board", None, None, None, P.UNDATED),
    ("1st October 2008", None, D(2008, 10, 1), D(2008, 10, 1), P.DAY),
]

DOMAIN_LIST = [
    ("January '09", None, D(2009, 1, 1), D(2009, 1, 31), P.MONTH),
    ("31st July'09", None, D(2009, 7, 31), D(2009, 7, 31), P.DAY),
    ("Q1 2009", None, D(2009, 1, 1), D(2009, 3, 31), P.QUARTER),
    ("Autumn", None, None, None, P.UNDATED),
    ("w/c 2-7-07", None, D(2007, 7, 2), D(2007, 7, 8), P.WEEK),
    ("26-6-07", None, D(2007, 6, 26), D(2007, 6, 26), P.DAY),
    ("2009/10", None, D(2009, 4, 1), D(2010, 3, 31), P.FINANCIAL_YEAR),
    ("TBC", None, None, None, P.UNDATED),
]

VARIANTS = [
    # day first, always
    ("8/05/07", None, D(2007, 5, 8), D(2007, 5, 8), P.DAY),
    ("1.12.2007", None, D(2007, 12, 1), D(2007, 12, 1), P.DAY),
    ("2009-01-31", None, D(2009, 1, 31), D(2009, 1, 31), P.DAY),
    ("26th of July 2007", None, D(2007, 7, 26), D(2007, 7, 26), P.DAY),
    ("July 26th, 2007", None, D(2007, 7, 26), D(2007, 7, 26), P.DAY),
    ("March 10th", 2010, D(2010, 3, 10), D(2010, 3, 10), P.DAY),
    ("12/12", 2006, D(2006, 12, 12), D(2006, 12, 12), P.DAY),
    ("4<b>th</b> Nov 2008", None, D(2008, 11, 4), D(2008, 11, 4), P.DAY),
    # months, two-digit years, case
    ("JANUARY 2009", None, D(2009, 1, 1), D(2009, 1, 31), P.MONTH),
    ("sept 2009", None, D(2009, 9, 1), D(2009, 9, 30), P.MONTH),
    ("Sep 2009", None, D(2009, 9, 1), D(2009, 9, 30), P.MONTH),
    ("Jan. 2010", None, D(2010, 1, 1), D(2010, 1, 31), P.MONTH),
    ("February 08", None, D(2008, 2, 1), D(2008, 2, 29), P.MONTH),
    ("November '07", None, D(2007, 11, 1), D(2007, 11, 30), P.MONTH),
    ("March '99", None, D(1999, 3, 1), D(1999, 3, 31), P.MONTH),
    ("October", None, None, None, P.UNDATED),
    ("October", 2009, D(2009, 10, 1), D(2009, 10, 31), P.MONTH),
    ("May", 2009, D(2009, 5, 1), D(2009, 5, 31), P.MONTH),
    ("this may slip into 2010", None, D(2010, 1, 1), D(2010, 12, 31), P.YEAR),
    # parts of months and years, weeks
    ("late July 2007", None, D(2007, 7, 21), D(2007, 7, 31), P.END_MONTH),
    ("mid-April 2010", None, D(2010, 4, 11), D(2010, 4, 20), P.MID_MONTH),
    ("early December 2006", None, D(2006, 12, 1), D(2006, 12, 10), P.EARLY_MONTH),
    ("end 2009", None, D(2009, 9, 1), D(2009, 12, 31), P.END_YEAR),
    ("mid 2010", None, D(2010, 5, 1), D(2010, 8, 31), P.MID_YEAR),
    ("last week of February 2008", None, D(2008, 2, 23), D(2008, 2, 29), P.WEEK),
    ("w/c 2 July 2007", None, D(2007, 7, 2), D(2007, 7, 8), P.WEEK),
    ("week commencing 2nd July 2007", None, D(2007, 7, 2), D(2007, 7, 8), P.WEEK),
    ("end Q1 2009", None, D(2009, 1, 1), D(2009, 3, 31), P.QUARTER),
    # quarters, halves, seasons, years
    ("Q1 2009", None, D(2009, 1, 1), D(2009, 3, 31), P.QUARTER),
    ("Q1 '09", None, D(2009, 1, 1), D(2009, 3, 31), P.QUARTER),
    ("Q2 13/14", None, D(2013, 7, 1), D(2013, 9, 30), P.FINANCIAL_QUARTER),
    ("Q4 2009/10", None, D(2010, 1, 1), D(2010, 3, 31), P.FINANCIAL_QUARTER),
    ("Q3 FY 15/16", None, D(2015, 10, 1), D(2015, 12, 31), P.FINANCIAL_QUARTER),
    ("H2 2009", None, D(2009, 7, 1), D(2009, 12, 31), P.HALF_YEAR),
    ("first half of 2009", None, D(2009, 1, 1), D(2009, 6, 30), P.HALF_YEAR),
    ("Spring 2009", None, D(2009, 3, 1), D(2009, 5, 31), P.SEASON),
    ("Summer 2009", None, D(2009, 6, 1), D(2009, 8, 31), P.SEASON),
    ("Autumn 2007", None, D(2007, 9, 1), D(2007, 11, 30), P.SEASON),
    ("Fall 2007", None, D(2007, 9, 1), D(2007, 11, 30), P.SEASON),
    ("Winter 2009", None, D(2009, 12, 1), D(2010, 2, 28), P.SEASON),
    ("Winter 2009/10", None, D(2009, 12, 1), D(2010, 2, 28), P.SEASON),
    ("2009", None, D(2009, 1, 1), D(2009, 12, 31), P.YEAR),
    ("FY 15/16", None, D(2015, 4, 1), D(2016, 3, 31), P.FINANCIAL_YEAR),
    ("2008-9", None, D(2008, 4, 1), D(2009, 3, 31), P.FINANCIAL_YEAR),
    ("09/10", None, D(2009, 4, 1), D(2010, 3, 31), P.FINANCIAL_YEAR),
    ("2009/2010", None, D(2009, 4, 1), D(2010, 3, 31), P.FINANCIAL_YEAR),
    ("1999/00", None, D(1999, 4, 1), D(2000, 3, 31), P.FINANCIAL_YEAR),
    # ranges
    ("April-June 2007", None, D(2007, 4, 1), D(2007, 6, 30), P.RANGE),
    ("Dec-Feb 2010", None, D(2009, 12, 1), D(2010, 2, 28), P.RANGE),
    ("2008 - 2010", None, D(2008, 1, 1), D(2010, 12, 31), P.RANGE),
    ("2008/09 to 2010/11", None, D(2008, 4, 1), D(2011, 3, 31), P.RANGE),
    ("between April and June 2009", None, D(2009, 4, 1), D(2009, 6, 30), P.RANGE),
    ("from April 2008 to March 2009", None, D(2008, 4, 1), D(2009, 3, 31), P.RANGE),
    ("24 Apr–8 May 2007", None, D(2007, 4, 24), D(2007, 5, 8), P.RANGE),
    ("30 Dec 2009 – 2 Jan 2010", None, D(2009, 12, 30), D(2010, 1, 2), P.RANGE),
    ("2010 - 2008", None, D(2010, 1, 1), D(2010, 12, 31), P.YEAR),
    # open-ended
    ("by March 2008", None, None, D(2008, 3, 31), P.BY),
    ("before March 2008", None, None, D(2008, 2, 29), P.BY),
    ("until June 2010", None, None, D(2010, 6, 30), P.BY),
    ("no later than 31 March 2010", None, None, D(2010, 3, 31), P.BY),
    ("after March 2008", None, D(2008, 4, 1), None, P.FROM),
    ("starting July 2009", None, D(2009, 7, 1), None, P.FROM),
    ("April 2008 onwards", None, D(2008, 4, 1), None, P.FROM),
    # no date, or not a real one
    ("", None, None, None, P.UNDATED),
    ("N/A", None, None, None, P.UNDATED),
    ("Already undertaken", None, None, None, P.UNDATED),
    ("Stage 0-1", None, None, None, P.UNDATED),
    ("31/02/2009", None, None, None, P.UNDATED),
    ("32nd May", 2009, None, None, P.UNDATED),
    ("12/25/2009", None, None, None, P.UNDATED),
    ("2009/11", None, None, None, P.UNDATED),
    ("1/1/1850", None, None, None, P.UNDATED),
    ("saved 1500 hours", None, None, None, P.UNDATED),
    ("before 1900", None, None, None, P.UNDATED),
    ("21st Jan", 1850, None, None, P.UNDATED),
]

TABLE = SEED_000_MILESTONES + SEED_001_TIMESCALES + SEED_003_GRID + SEED_004_MILESTONES
TABLE += SEED_002_PROSE + DOMAIN_LIST + VARIANTS
DATED = [row for row in TABLE if row[4] != P.UNDATED]


@pytest.mark.parametrize(("text", "year_hint", "earliest", "latest", "precision"), TABLE)
def test_parse_reads_what_the_words_mean(text, year_hint, earliest, latest, precision):
    got = parse(text, year_hint=year_hint)
    assert (got.earliest, got.latest, got.precision) == (earliest, latest, precision)
    assert got.text == text.strip()


@pytest.mark.parametrize(("text", "year_hint", "earliest", "latest", "precision"), DATED)
def test_format_then_parse_gives_the_same_meaning(text, year_hint, earliest, latest, precision):
    """Printing a date and reading the print back loses nothing (and needs no year hint)."""
    again = parse(format(parse(text, year_hint=year_hint)))
    assert (again.earliest, again.latest, again.precision) == (earliest, latest, precision)


@pytest.mark.parametrize(("text", "year_hint", "earliest", "latest", "precision"), TABLE)
def test_format_of_a_rebuilt_date_matches_the_parsed_one(
    text, year_hint, earliest, latest, precision
):
    """Other code keeps only the four fields in the database and rebuilds the FuzzyDate."""
    parsed = parse(text, year_hint=year_hint)
    rebuilt = FuzzyDate(parsed.text, parsed.earliest, parsed.latest, Precision(parsed.precision))
    assert format(rebuilt) == format(parsed)


def test_parse_of_none_is_undated_with_empty_text():
    assert parse(None) == FuzzyDate("", None, None, P.UNDATED)


def test_parse_keeps_the_text_stripped_but_otherwise_as_written():
    assert parse("  end July 2007\n").text == "end July 2007"
    assert parse("  TBC ").text == "TBC"


@pytest.mark.parametrize(
    ("text", "quarters", "earliest", "latest", "precision"),
    [
        ("Q1 2009", "calendar", D(2009, 1, 1), D(2009, 3, 31), P.QUARTER),
        ("Q1 2009", "financial", D(2009, 4, 1), D(2009, 6, 30), P.FINANCIAL_QUARTER),
        ("Q4 2009", "financial", D(2010, 1, 1), D(2010, 3, 31), P.FINANCIAL_QUARTER),
        ("Q2 13/14", "calendar", D(2013, 7, 1), D(2013, 9, 30), P.FINANCIAL_QUARTER),
        ("Q4 2009/10", "calendar", D(2010, 1, 1), D(2010, 3, 31), P.FINANCIAL_QUARTER),
        ("Q2 2009", "calendar", D(2009, 4, 1), D(2009, 6, 30), P.QUARTER),
    ],
)
def test_quarters_setting_only_changes_bare_quarters(text, quarters, earliest, latest, precision):
    got = parse(text, quarters=quarters)
    assert (got.earliest, got.latest, got.precision) == (earliest, latest, precision)


def test_unknown_quarters_setting_is_a_programming_error():
    with pytest.raises(ValueError, match="quarters"):
        parse("Q1 2009", quarters="fiscal")


def test_year_hint_rolls_a_range_over_the_new_year():
    got = parse("Oct-March", year_hint=2008)
    assert (got.earliest, got.latest) == (D(2008, 10, 1), D(2009, 3, 31))


def test_a_bare_month_never_gets_an_invented_year():
    for text in ("October", "Autumn", "21st Jan", "mid April", "by March", "Q1"):
        got = parse(text)
        assert (got.earliest, got.latest, got.precision) == (None, None, P.UNDATED), text


# --------------------------------------------------------------------------------------------------
# format()


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (FuzzyDate("", D(2009, 7, 31), D(2009, 7, 31), P.DAY), "31 Jul 2009"),
        (FuzzyDate("", D(2007, 7, 2), D(2007, 7, 8), P.WEEK), "w/c 2 Jul 2007"),
        (FuzzyDate("", D(2007, 7, 21), D(2007, 7, 31), P.END_MONTH), "end Jul 2007"),
        (FuzzyDate("", D(2010, 4, 11), D(2010, 4, 20), P.MID_MONTH), "mid Apr 2010"),
        (FuzzyDate("", D(2006, 12, 1), D(2006, 12, 10), P.EARLY_MONTH), "early Dec 2006"),
        (FuzzyDate("", D(2009, 1, 1), D(2009, 1, 31), P.MONTH), "Jan 2009"),
        (FuzzyDate("", D(2009, 1, 1), D(2009, 3, 31), P.QUARTER), "Q1 2009"),
        (FuzzyDate("", D(2013, 7, 1), D(2013, 9, 30), P.FINANCIAL_QUARTER), "Q2 2013/14"),
        (FuzzyDate("", D(2013, 4, 1), D(2013, 6, 30), P.FINANCIAL_QUARTER), "Q1 2013/14"),
        (FuzzyDate("", D(2010, 1, 1), D(2010, 3, 31), P.FINANCIAL_QUARTER), "Q4 2009/10"),
        (FuzzyDate("", D(2007, 9, 1), D(2007, 11, 30), P.SEASON), "Autumn 2007"),
        (FuzzyDate("", D(2009, 12, 1), D(2010, 2, 28), P.SEASON), "Winter 2009"),
        (FuzzyDate("", D(2009, 7, 1), D(2009, 12, 31), P.HALF_YEAR), "H2 2009"),
        (FuzzyDate("", D(2009, 9, 1), D(2009, 12, 31), P.END_YEAR), "end 2009"),
        (FuzzyDate("", D(2010, 5, 1), D(2010, 8, 31), P.MID_YEAR), "mid 2010"),
        (FuzzyDate("", D(2009, 1, 1), D(2009, 4, 30), P.EARLY_YEAR), "early 2009"),
        (FuzzyDate("", D(2009, 1, 1), D(2009, 12, 31), P.YEAR), "2009"),
        (FuzzyDate("", D(2009, 4, 1), D(2010, 3, 31), P.FINANCIAL_YEAR), "2009/10"),
        (FuzzyDate("", D(1999, 4, 1), D(2000, 3, 31), P.FINANCIAL_YEAR), "1999/00"),
        (FuzzyDate("", D(2007, 4, 1), D(2007, 6, 30), P.RANGE), "Apr–Jun 2007"),
        (FuzzyDate("", D(2009, 12, 1), D(2010, 3, 31), P.RANGE), "Dec 2009–Mar 2010"),
        (FuzzyDate("", D(2007, 7, 26), D(2007, 7, 27), P.RANGE), "26–27 Jul 2007"),
        (FuzzyDate("", D(2007, 4, 24), D(2007, 5, 8), P.RANGE), "24 Apr–8 May 2007"),
        (FuzzyDate("", D(2009, 12, 30), D(2010, 1, 2), P.RANGE), "30 Dec 2009–2 Jan 2010"),
        (FuzzyDate("", D(2008, 1, 1), D(2010, 12, 31), P.RANGE), "2008–2010"),
        (FuzzyDate("", D(2008, 4, 1), D(2011, 3, 31), P.RANGE), "2008/09–2010/11"),
        (FuzzyDate("", D(2008, 4, 1), D(2009, 3, 31), P.RANGE), "Apr 2008–Mar 2009"),
        (FuzzyDate("", D(2008, 4, 1), None, P.FROM), "from Apr 2008"),
        (FuzzyDate("", D(2009, 7, 13), None, P.FROM), "from 13 Jul 2009"),
        (FuzzyDate("", None, D(2008, 3, 31), P.BY), "by Mar 2008"),
        (FuzzyDate("", None, D(2010, 4, 20), P.BY), "by 20 Apr 2010"),
        (FuzzyDate("TBC", None, None, P.UNDATED), "TBC"),
        (
            FuzzyDate("Dependent on outcome of Phase 1", None, None, P.UNDATED),
            "Dependent on outcome of Phase 1",
        ),
        (None, ""),
    ],
)
def test_format_prints_report_style(value, printed):
    assert format(value) == printed


def test_format_uses_the_dates_not_the_words():
    """The stored words may say anything; the print comes from earliest/latest/precision."""
    assert format(FuzzyDate("End July 2007", D(2007, 7, 21), D(2007, 7, 31), P.END_MONTH)) == (
        "end Jul 2007"
    )
    assert format(parse("April–June 07")) == "Apr–Jun 2007"


def test_format_falls_back_to_the_text_when_stored_dates_are_missing():
    assert format(FuzzyDate("July 2007", None, None, P.MONTH)) == "July 2007"


def test_str_is_format():
    assert str(parse("31st July'09")) == "31 Jul 2009"


def test_from_date_is_a_day_written_in_report_style():
    assert FuzzyDate.from_date(D(2009, 7, 31)) == FuzzyDate(
        "31 Jul 2009", D(2009, 7, 31), D(2009, 7, 31), P.DAY
    )


# --------------------------------------------------------------------------------------------------
# FuzzyDate behaviour


def test_is_dated():
    assert parse("from April 2008").is_dated
    assert parse("by March 2008").is_dated
    assert not parse("TBC").is_dated


def test_sort_key_puts_undated_last_and_orders_by_latest_then_earliest():
    texts = ["TBC", "2009", "Q1 2009", "by March 2009", "Jan 2009", "from Feb 2009", "Ongoing"]
    ordered = [d.text for d in sorted((parse(t) for t in texts), key=lambda d: d.sort_key)]
    assert ordered == [
        "Jan 2009",
        "from Feb 2009",
        "by March 2009",
        "Q1 2009",
        "2009",
        "Ongoing",
        "TBC",
    ]


# --------------------------------------------------------------------------------------------------
# parse_slippage()


def month(text, y, m, last_day):
    return FuzzyDate(text, D(y, m, 1), D(y, m, last_day), P.MONTH)


def day(text, y, m, d):
    return FuzzyDate(text, D(y, m, d), D(y, m, d), P.DAY)


@pytest.mark.parametrize(
    ("text", "original", "changes"),
    [
        (
            "December '09 Extended to March 2010 Extended to June 2010",
            month("December '09", 2009, 12, 31),
            [
                (month("March 2010", 2010, 3, 31), "Extended to"),
                (month("June 2010", 2010, 6, 30), "Extended to"),
            ],
        ),
        (
            "January '10 Deadline extended to May '10",
            month("January '10", 2010, 1, 31),
            [(month("May '10", 2010, 5, 31), "Deadline extended to")],
        ),
        (
            "January '10 Deadline\n extended to May 2010",
            month("January '10", 2010, 1, 31),
            [(month("May 2010", 2010, 5, 31), "Deadline extended to")],
        ),
        (
            "March '10 Extended to May 2010",
            month("March '10", 2010, 3, 31),
            [(month("May 2010", 2010, 5, 31), "Extended to")],
        ),
        (
            "31 August '09 – moved from 31st July'09",
            day("31st July'09", 2009, 7, 31),
            [(day("31 August '09", 2009, 8, 31), "moved from")],
        ),
        (
            "24/04/07 30/04/07 8/05/07",
            day("24/04/07", 2007, 4, 24),
            [(day("30/04/07", 2007, 4, 30), ""), (day("8/05/07", 2007, 5, 8), "")],
        ),
        (
            "March 2010 revised to April 2010",
            month("March 2010", 2010, 3, 31),
            [(month("April 2010", 2010, 4, 30), "revised to")],
        ),
        (
            "March 2010, changed to April 2010, slipped to May 2010",
            month("March 2010", 2010, 3, 31),
            [
                (month("April 2010", 2010, 4, 30), "changed to"),
                (month("May 2010", 2010, 5, 31), "slipped to"),
            ],
        ),
        (
            "June 2010 postponed to July 2010 delayed to August 2010 put back to Sept 2010",
            month("June 2010", 2010, 6, 30),
            [
                (month("July 2010", 2010, 7, 31), "postponed to"),
                (month("August 2010", 2010, 8, 31), "delayed to"),
                (month("Sept 2010", 2010, 9, 30), "put back to"),
            ],
        ),
        (
            "June 2010 brought forward to May 2010",
            month("June 2010", 2010, 6, 30),
            [(month("May 2010", 2010, 5, 31), "brought forward to")],
        ),
        (
            "March 2010 (now June 2010)",
            month("March 2010", 2010, 3, 31),
            [(month("June 2010", 2010, 6, 30), "now")],
        ),
        (
            "June 2010 (originally March 2010)",
            month("March 2010", 2010, 3, 31),
            [(month("June 2010", 2010, 6, 30), "originally")],
        ),
        (
            "May 2010 moved from April 2010 moved from March 2010",
            month("March 2010", 2010, 3, 31),
            [
                (month("April 2010", 2010, 4, 30), "moved from"),
                (month("May 2010", 2010, 5, 31), "moved from"),
            ],
        ),
        (
            "March 2010 → June 2010",
            month("March 2010", 2010, 3, 31),
            [(month("June 2010", 2010, 6, 30), "→")],
        ),
        (
            "March 2010 extended until June 2010",
            month("March 2010", 2010, 3, 31),
            [(month("June 2010", 2010, 6, 30), "extended until")],
        ),
    ],
)
def test_parse_slippage_reads_the_history_of_a_date(text, original, changes):
    got = parse_slippage(text)
    assert got.original == original
    assert got.changes == tuple(DateMove(d, w) for d, w in changes)
    assert got.current == changes[-1][0]


@pytest.mark.parametrize(
    "text",
    [
        "March 2010",
        "April 2008 March 2009",
        "October '09 for reporting to CSG 18 November '09",
        "TBC",
        "",
        "Update on 12 July",
    ],
)
def test_parse_slippage_without_a_move_is_parse(text):
    got = parse_slippage(text)
    assert got == Slippage(parse(text), ())
    assert got.current == parse(text)


def test_parse_slippage_of_none_is_undated():
    assert parse_slippage(None) == Slippage(FuzzyDate("", None, None, P.UNDATED), ())


def test_parse_slippage_uses_the_year_hint_for_yearless_changes():
    got = parse_slippage("21st Jan extended to 4th Feb", year_hint=2009)
    assert got.original.earliest == D(2009, 1, 21)
    assert got.current.earliest == D(2009, 2, 4)


# --------------------------------------------------------------------------------------------------
# Financial years


@pytest.mark.parametrize(
    ("day", "start_year"),
    [(D(2009, 5, 1), 2009), (D(2010, 2, 1), 2009), (D(2009, 4, 1), 2009), (D(2009, 3, 31), 2008)],
)
def test_financial_year_of_runs_april_to_march(day, start_year):
    assert financial_year_of(day) == start_year


@pytest.mark.parametrize(
    ("start_year", "label"), [(2009, "2009/10"), (1999, "1999/00"), (2010, "2010/11")]
)
def test_financial_year_label(start_year, label):
    assert financial_year_label(start_year) == label


@pytest.mark.parametrize(
    ("text", "start_year"),
    [
        ("2009/10", 2009),
        ("2009-10", 2009),
        ("09/10", 2009),
        ("FY 15/16", 2015),
        ("FY15/16", 2015),
        ("2008-9", 2008),
        ("2009/2010", 2009),
        ("2009-2010", 2009),
        ("2009 – 10", 2009),
        (" 1999/00 ", 1999),
        ("2009/10 financial year", 2009),
        ("FY 2016", 2016),
        ("2009/11", None),
        ("2009", None),
        ("12/7", None),
        ("Q1 2009/10", None),
        ("", None),
        ("TBC", None),
    ],
)
def test_parse_financial_year(text, start_year):
    assert parse_financial_year(text) == start_year


# --------------------------------------------------------------------------------------------------
# Properties: never raise, never backwards

FRAGMENTS = [
    "January",
    "Feb",
    "March",
    "Sept.",
    "may",
    "Dec",
    "Autumn",
    "winter",
    "Q",
    "Q1",
    "Q4",
    "H2",
    "FY",
    "w/c",
    "week commencing",
    "end",
    "mid",
    "early",
    "late",
    "the",
    "of",
    "by",
    "from",
    "before",
    "after",
    "until",
    "between",
    "and",
    "&",
    "to",
    "onwards",
    "third",
    "last",
    "week",
    "quarter",
    "half",
    "first",
    "'",
    "'09",
    "'99",
    "/",
    "-",
    "–",
    ".",
    ",",
    " ",
    "  ",
    "\n",
    "0",
    "1",
    "2",
    "9",
    "12",
    "19",
    "29",
    "31",
    "32",
    "00",
    "07",
    "69",
    "70",
    "99",
    "2008",
    "2009",
    "2099",
    "1900",
    "9999",
    "2009/10",
    "09/10",
    "2008-9",
    "26-6-07",
    "19/12/06",
    "31/02/2009",
    "th",
    "st",
    "nd",
    "rd",
    "<sup>",
    "</sup>",
    "&amp;",
    "£",
    "%",
    "TBC",
    "Extended to",
    "moved from",
    "now",
    "originally",
    "financial year",
]
texts_with_dates = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), max_size=14).map(
    "".join
) | st.lists(st.sampled_from(FRAGMENTS), max_size=10).map(" ".join)
year_hints = st.none() | st.integers(min_value=-5, max_value=12000)
quarter_settings = st.sampled_from(["calendar", "financial"])


def check_parse_is_sound(text, quarters, year_hint):
    got = parse(text, quarters=quarters, year_hint=year_hint)
    assert got.text == text.strip()
    assert not (got.problem and got.is_dated)  # a date with a problem is kept as words
    if got.earliest is not None and got.latest is not None:
        assert got.earliest <= got.latest
    assert got.is_dated == (got.precision != P.UNDATED)
    assert isinstance(format(got), str)


@settings(max_examples=400, deadline=None)
@given(st.text(), quarter_settings, year_hints)
def test_parse_never_raises_on_any_text(text, quarters, year_hint):
    check_parse_is_sound(text, quarters, year_hint)


@settings(max_examples=500, deadline=None)
@given(texts_with_dates, quarter_settings, year_hints)
def test_parse_never_raises_on_date_like_text(text, quarters, year_hint):
    """Splices real fragments so the fuzzer reaches the deep branches of the grammar."""
    check_parse_is_sound(text, quarters, year_hint)


@settings(max_examples=300, deadline=None)
@given(texts_with_dates, st.none() | st.integers(min_value=1990, max_value=2030))
def test_format_of_any_parse_reads_back_the_same(text, year_hint):
    got = parse(text, year_hint=year_hint)
    again = parse(format(got))
    if got.is_dated:
        assert (again.earliest, again.latest, again.precision) == (
            got.earliest,
            got.latest,
            got.precision,
        )


@settings(max_examples=300, deadline=None)
@given(st.text() | texts_with_dates, quarter_settings, year_hints)
def test_parse_slippage_never_raises(text, quarters, year_hint):
    got = parse_slippage(text, quarters=quarters, year_hint=year_hint)
    for fuzzy in [got.original, *(move.date for move in got.changes)]:
        if fuzzy.earliest is not None and fuzzy.latest is not None:
            assert fuzzy.earliest <= fuzzy.latest
    assert got.current == (got.changes[-1].date if got.changes else got.original)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_financial_year_never_raises(text):
    got = parse_financial_year(text)
    assert got is None or isinstance(got, int)


def test_the_table_covers_at_least_120_real_expressions():
    assert len(TABLE) >= 120


# --------------------------------------------------------------------------------------------------
# Impossible dates: kept as words with no date, and saying what is wrong


@pytest.mark.parametrize(
    ("text", "year_hint", "problem"),
    [
        ("31/02/2010", None, "There is no 31 February 2010."),
        ("Q5 2010", None, "There is no fifth quarter: quarters are Q1–Q4."),
        ("30th Feb '09", None, "There is no 30 February 2009."),
        ("31/04/2010", None, "There is no 31 April 2010."),
        ("w/c 31-6-07", None, "There is no 31 June 2007."),
        ("29/02/2009", None, "There is no 29 February 2009."),
        ("13/13/2010", None, "Month 13 does not exist: dates are read day first."),
        ("12/25/2009", None, "Month 25 does not exist: dates are read day first."),
        ("32nd May", 2009, "There is no 32 May 2009."),
        ("30th Feb", None, "There is no 30 February."),  # in no year at all
        ("Q0 2010", None, "There is no zeroth quarter: quarters are Q1–Q4."),
        ("fifth quarter of 2010", None, "There is no fifth quarter: quarters are Q1–Q4."),
        ("Q5 2009/10", None, "There is no fifth quarter: quarters are Q1–Q4."),
        ("H3 2009", None, "There is no third half of a year: halves are H1 and H2."),
        ("30 Feb - 3 Mar 2009", None, "There is no 30 February 2009."),
        ("Report to JIB 31/09/2009", None, "There is no 31 September 2009."),
    ],
)
def test_an_impossible_date_is_kept_as_words_and_says_why(text, year_hint, problem):
    got = parse(text, year_hint=year_hint)
    assert (got.text, got.earliest, got.latest, got.precision) == (text, None, None, P.UNDATED)
    assert got.problem == problem


def test_a_fifth_quarter_is_not_read_as_the_whole_year():
    assert not parse("Q5 2010").is_dated
    assert parse("Q4 2010").latest == D(2010, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        "TBC",
        "Ongoing",
        "Dependent on outcome of Phase 1",
        "",
        "N/A",
        "Update on 12 July",  # no year: incomplete, not impossible
        "29th Feb",  # a day some years have
        "Q5",  # "see Q5": no year, so not taken for a quarter
        "5/13",  # as likely a score as a date
        "1/1/1850",  # outside the years read, not a mistake in the calendar
        "Stage 0-1",
    ],
)
def test_words_with_no_date_have_no_problem(text):
    got = parse(text)
    assert not got.is_dated
    assert got.problem == ""


@pytest.mark.parametrize(("text", "year_hint", "earliest", "latest", "precision"), DATED)
def test_a_real_date_has_no_problem(text, year_hint, earliest, latest, precision):
    assert parse(text, year_hint=year_hint).problem == ""


def test_a_problem_does_not_make_two_dates_different():
    """The problem is not stored: the date rebuilt from its columns equals the parsed one."""
    assert parse("31/02/2010") == FuzzyDate("31/02/2010", None, None, P.UNDATED)


def test_a_move_to_an_impossible_date_leaves_the_whole_cell_as_words():
    got = parse_slippage("December '09 extended to 31/02/2010")
    assert got.changes == ()
    assert (got.original.text, got.original.is_dated) == (
        "December '09 extended to 31/02/2010",
        False,
    )
    assert got.problem == "There is no 31 February 2010."


def test_words_after_a_date_are_not_checked_as_a_move():
    """Only dates joined by words of moving are part of the history."""
    got = parse_slippage("October '09 for reporting to CSG 31/02/2010")
    assert (got.original.latest, got.problem) == (D(2009, 10, 31), "")
