from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class JobsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jobs"
    verbose_name = "Background jobs"

    def ready(self):
        # Each app that hands work to the background says how to do it in its own
        # ``job_handlers`` module (as the admin finds ``admin`` modules), so this app, low in the
        # layout, never imports the apps above it.
        autodiscover_modules("job_handlers")
