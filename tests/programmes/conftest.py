"""The seed programmes and service areas the register pages are read on, and the roles that
may not keep a programme's governance."""

from tests.programmes.governance_helpers import other_manager_client, refused_clients  # noqa: F401
from tests.seed_programmes import agma, managed_programme, other_area, own_area, wigan  # noqa: F401
