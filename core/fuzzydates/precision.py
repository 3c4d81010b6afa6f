"""What kind of date some words mean: a day, a month, a financial year, undated..."""

from enum import StrEnum


class Precision(StrEnum):
    """What kind of date the words mean. Values are stored in a database column (max 20 chars)."""

    DAY = "day"
    WEEK = "week"  # seven days from the first: "w/c 2-7-07", "Third Week February 2007"
    EARLY_MONTH = "early_month"  # days 1-10
    MID_MONTH = "mid_month"  # days 11-20
    END_MONTH = "end_month"  # day 21 to the end: "end July", "late July"
    MONTH = "month"
    QUARTER = "quarter"  # calendar: Q1 = Jan-Mar
    FINANCIAL_QUARTER = "financial_quarter"  # Q1 = Apr-Jun
    SEASON = "season"
    HALF_YEAR = "half_year"  # "H1 2009", "second half of 2009"
    EARLY_YEAR = "early_year"  # Jan-Apr: "early 2009", "early in 2009"
    MID_YEAR = "mid_year"  # May-Aug: "mid 2010"
    END_YEAR = "end_year"  # Sep-Dec: "end 2009", "end of 2008", "late in 2009"
    YEAR = "year"
    FINANCIAL_YEAR = "financial_year"  # April-March: "2009/10"
    RANGE = "range"  # "April-June 07", "April 2008 March 2009"
    FROM = "from"  # earliest set, latest None
    BY = "by"  # latest set, earliest None
    UNDATED = "undated"  # "TBC", "Ongoing", words with no date we can read
