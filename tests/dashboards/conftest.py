"""The seed programme and the people of the update cycle that these pages are read by."""

from tests.seed_programmes import agma, managed_programme, wigan  # noqa: F401
from tests.update_cycle import hr, manager_champion, march, second_manager, stage_0_1  # noqa: F401
