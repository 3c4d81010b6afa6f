"""The seed programmes and service areas the register pages are read on; the people the People
page tests add; the roles that may not keep a programme's governance."""

from tests.programmes.governance_helpers import refused_clients  # noqa: F401
from tests.programmes.people_helpers import jane, other_manager_client  # noqa: F401
from tests.seed_programmes import agma, managed_programme, other_area, own_area, wigan  # noqa: F401
