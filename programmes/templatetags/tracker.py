"""Template filters for the users' own ways of writing things: Markdown comments, pounds, RAG
status in words and colour, dates as written, financial years."""

from django import template

from core import fuzzydates, lateness, money, savings, slippage
from core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    return render_markdown(text)


@register.filter
def pounds(value):
    return money.pounds(value)


@register.filter
def pounds_short(value):
    return money.pounds_short(value)


@register.simple_tag
def shortfall_meaning():
    """What a savings shortfall is, in the words every page and report prints."""
    return savings.SHORTFALL_MEANING


@register.filter
def fuzzy(value):
    """A FuzzyDate in report style ("end Jul 2007"); an em dash when there is no date."""
    text = fuzzydates.format(value) if value is not None else ""
    return text or "—"


@register.simple_tag
def late_means():
    """What "late" counts, in the words of the one rule (``core.lateness``)."""
    return lateness.LATE_MEANS


@register.filter
def date_history(milestone, name):
    """One of a milestone's dates with its moves, as the reports print it: "Dec 2009, extended
    to Mar 2010" (prefetch ``date_changes``); an em dash when there is no date."""
    return slippage.milestone_phrase(milestone, name) or "—"


@register.filter
def financial_year(start_year):
    return fuzzydates.financial_year_label(start_year) if start_year is not None else ""


@register.inclusion_tag("includes/rag.html")
def rag(rating, programme=None):
    """A RAG badge with the word in it, in the programme's own words when it has them."""
    label = programme.rag_label(rating) if programme is not None else rating
    return {"rating": rating, "label": label}


@register.inclusion_tag("includes/risk_rating.html")
def risk_rating(risk, programme):
    """A risk's rating on the programme's matrix as a RAG badge, and the status its officer
    chose in words when that differs."""
    rated = programme.risk_rating(risk)
    return {
        "rating": rated.rating,
        "label": programme.rag_label(rated.rating),
        "chosen": programme.rag_label(rated.status) if rated.disagrees else "",
    }


@register.filter
def who(user, nobody="—"):
    """A login as a person's name: full name, else user name, else ``nobody``."""
    if user is None:
        return nobody
    return user.get_full_name() or user.username
