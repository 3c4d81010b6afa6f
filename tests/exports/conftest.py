"""The exporter's tests share the spreadsheet fixtures: the seed programmes and reading back."""

from tests.imports.conftest import agma, wigan  # noqa: F401
