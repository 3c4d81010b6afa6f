"""Dates as people write them in programme reports: "January '09", "end July 2007", "TBC".

``parse()`` turns the words into a :class:`FuzzyDate`: the words themselves, the earliest and latest
day they can mean, and a :class:`Precision` saying what kind of date it is. ``format()`` prints a
FuzzyDate back in the councils' own report style ("Jan 2009", "end Jul 2007", "Q1 2009") from the
earliest/latest/precision alone, so a FuzzyDate rebuilt from its four database columns prints the
same. ``parse_slippage()`` reads a completion cell that carries its history ("December '09 Extended
to March 2010 Extended to June 2010"). Nothing here ever raises on words it cannot read: they are
kept as text with no date (``Precision.UNDATED``). Words that look like a date the calendar does not
have ("31/02/2010", "Q5 2010") are undated too, and say why in ``FuzzyDate.problem`` ("There is no
31 February 2010."), so that a form can ask for a correction and an import can warn; words with
no date in them at all ("TBC", "Ongoing") have no problem.

Conventions
-----------
* Day before month, always: "8/05/07" is 8 May 2007, "21.01.10" is 21 January 2010.
* Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999 ("'09", "07", "Sep 09").
  A bare two-digit number after a month name is a year ("March 10" is March 2010, as in the
  reports); one digit or an ordinal is a day ("March 5", "March 10th").
* Four-digit years are read only in 1900-2099, and a date must fall inside those years (whatever
  the year_hint): "1500 hours" is not a date, "1/1/1850" and "before 1900" are undated.
* Part of a month: early = days 1-10, mid = 11-20, end/late = 21 to the last day.
  Part of a year ("end 2009", "mid 2010", "early in 2009"): early = Jan-Apr, mid = May-Aug,
  end/late = Sep-Dec. A part of anything else ("end Q1 2009", "end of 2008/09") keeps the whole.
* "Third Week February 2007" (first/second/third/fourth/last week of a month) is a WEEK of seven
  days: days 15-21; "last week" is the last seven days of the month.
* Seasons: Spring = Mar-May, Summer = Jun-Aug, Autumn/Fall = Sep-Nov, Winter = Dec to Feb of the
  next year ("Winter 2009" and "Winter 2009/10" are Dec 2009-Feb 2010).
* Quarters: with ``quarters="calendar"`` (the default) "Q1 2009" is Jan-Mar 2009; with
  ``quarters="financial"`` it is Q1 of 2009/10, Apr-Jun 2009. A quarter written against a financial
  year ("Q2 13/14", "Q4 2009/10", "first quarter of 2008/09") is always financial.
* Financial years run April to March and are written "2009/10", "2009-10", "09/10", "2008-9",
  "FY 15/16", "2009/2010"; "FY 2016" is the year starting April 2016. Two two-digit numbers that
  follow each other ("11/12") are a financial year, never 11 December.
* Only a year that is written (or ``year_hint``) is used: "October", "Autumn" and "21st Jan" are
  UNDATED without a hint. In a range the missing year comes from the other end ("April-June 07",
  "26th and 27th July 2007"), rolling over the new year when needed ("Oct-March" with
  ``year_hint=2008`` is Oct 2008-Mar 2009; ``year_hint`` is the year of the first date written).
* "by X" and "until X" are BY X's last day; "before X" is BY the day before X begins.
  "from X", "starting X", "X onwards" are FROM X's first day; "after X" is FROM the day after X.
  "w/c", "w/b", "week commencing" make a WEEK of the seven days from the given day.
* Ranges: "April-June 07", "July - August 2007", "2008 - 2010", "2008/09 to 2010/11",
  "from X to Y", "between X and Y"; "and"/"&" join two dates only when the first has no year of
  its own ("26th and 27th July 2007", "April and May 2010"), so "March 10 and presented" is not a
  range. A whole text of exactly two dates side by side ("April 2008 March 2009") is a range too.
  A range whose end is not after its start is read as its first date alone.
* Text holding more than a date ("October '09 for reporting to CSG 18 November '09") is read as
  its first date expression, and the words are kept whole. If that first expression cannot be
  resolved ("Update on 12 July" with no year, "31/02/2009", "32nd May") the result is UNDATED:
  a later date in the text is not silently taken in its place.
* The word "may" is the month only next to a day or year, or after words that introduce a date
  ("by May", "end May", "April and May"); "fall" is the season only with a year.
* As trackers write them: Excel's "Mar-11" / "Oct-2014" (a month, a dash and a year, no spaces) is
  that month. A slash between months, seasons, quarters or parts of a year is a span ("May/June
  2013", "Spring/Summer 2012", "October 2012/ March 2013", "late 2021/spring 2022"); between
  days it gives alternatives, and the first is read ("28 Apr/2 June"). A quarter after a
  financial year ("2014-15 Q3"), and a quarter that starts a span ending in a financial one
  ("Q1-Q2 14/15"), are financial.
* A day or month of three digits ("1/013/2012") is not a date, and says so: it is never read as
  the year alone. A year inside a name is not a date: after Act, Bill, Regulations, Order,
  Measure or Directive ("Localism Act 2011"), or before a capitalised word that is not a date
  word ("the 2010 Spending Review").
* Simple HTML (<sup>, <b>, <i>, <u>, <p>, ...) and entities (&amp;) are ignored: "4<sup>th</sup>
  Nov" is "4th Nov".

Where each part lives
---------------------
This package's ``__init__`` is its public face: import from ``core.fuzzydates``, never from the
modules below, which are its working parts.

* ``tokens``: clean-up (markup, Word's dashes and quotes) and tokens.
* ``grammar``: tokens -> expressions made of pieces (a date whose year may still be missing).
* ``resolution``: expressions -> earliest, latest, precision (year hint, "by"/"from", parts).
* ``problems``: why a date the calendar does not have is refused.
* ``parsing``: ``parse()`` and ``parse_financial_year()``.
* ``slippage``: ``parse_slippage()``, a date cell with its history.
* ``formatting``: ``format()``, report style.
* ``values``, ``precision``, ``years``: the values returned, and financial years.
"""

from .formatting import format
from .parsing import parse, parse_financial_year
from .precision import Precision
from .slippage import parse_slippage
from .values import DateMove, FuzzyDate, Slippage
from .years import financial_year_label, financial_year_of

__all__ = [
    "DateMove",
    "FuzzyDate",
    "Precision",
    "Slippage",
    "financial_year_label",
    "financial_year_of",
    "format",
    "parse",
    "parse_financial_year",
    "parse_slippage",
]
