import factory

from core import fuzzydates
from milestones.models import Milestone
from programmes.models import Organisation, Person, Programme, ServiceArea, StageDefinition


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Borough Council {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Officer {n}")
    job_title = "Head of Service"
    organisation = factory.SubFactory(OrganisationFactory)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Test Programme {n}")
    slug = factory.Sequence(lambda n: f"test-programme-{n}")


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StageDefinition

    programme = factory.SubFactory(ProgrammeFactory)
    code = factory.Sequence(lambda n: f"Stage {n}")


class ServiceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceArea

    programme = factory.SubFactory(ProgrammeFactory)
    name = factory.Sequence(lambda n: f"Service Area {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    service_area = factory.SubFactory(ServiceAreaFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    planned_start = factory.LazyFunction(lambda: fuzzydates.parse("January 2010"))
    planned_completion = factory.LazyFunction(lambda: fuzzydates.parse("March 2010"))
