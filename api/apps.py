from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "API, open data and calendar feeds"

    def ready(self):
        # drf-spectacular finds the schema of our fields and authentication here.
        from . import schema  # noqa: F401
