"""The seed programmes and service areas the milestone lists and timeline are read on."""

from tests.seed_programmes import agma, managed_programme, other_area, own_area, wigan  # noqa: F401
from tests.update_cycle import hr, manager_champion, march, second_manager, stage_0_1  # noqa: F401
