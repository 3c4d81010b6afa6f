"""The seed programmes and service areas the milestone lists and timeline are read on."""

from tests.seed_programmes import agma, managed_programme, other_area, own_area, wigan  # noqa: F401
