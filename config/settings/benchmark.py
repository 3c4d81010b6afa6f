"""Production settings plus one bare view, for scripts/benchmark_pages.py to measure the pages
against in the same run. Never used to serve anyone."""

from .production import *  # noqa: F403

ROOT_URLCONF = "config.benchmark_urls"
