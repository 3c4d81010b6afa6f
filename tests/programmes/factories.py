"""Factories for a programme's register records: risks, savings lines, actions, budget lines,
governance bodies, meetings, glossary terms (the shared ``tests/factories.py`` has the rest)."""

from datetime import date
from decimal import Decimal

import factory

from core import fuzzydates
from programmes.models import (
    Action,
    BudgetLine,
    GlossaryTerm,
    GovernanceBody,
    Meeting,
    Risk,
    SavingsLine,
)
from tests.factories import ProgrammeFactory


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Risk {n}")
    likelihood = 2
    impact = 3
    rag = "amber"
    lead_officer = "Head of Service"
    moderating_factors = "- Watch it\n- Report it"


class SavingsLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavingsLine

    programme = factory.SubFactory(ProgrammeFactory)
    financial_year = factory.Sequence(lambda n: 2000 + n % 20)
    target = Decimal("100000")
    forecast = Decimal("90000")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    owner = "Service Director"
    due = factory.LazyFunction(lambda: fuzzydates.parse("end March 2010"))


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Budget line {n}")
    estimated_cost = Decimal("1000")


class GovernanceBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernanceBody

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Board {n}")
    acronym = factory.Sequence(lambda n: f"B{n}")
    terms_of_reference = "- Steer the programme"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(GovernanceBodyFactory)
    date = factory.Sequence(lambda n: date(2009, 1, 1).replace(day=1 + n % 28, month=1 + n % 12))


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    programme = factory.SubFactory(ProgrammeFactory)
    term = factory.Sequence(lambda n: f"T{n}")
    meaning = "A term"
