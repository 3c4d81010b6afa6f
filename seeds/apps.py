from django.apps import AppConfig


class SeedsConfig(AppConfig):
    name = "seeds"
    verbose_name = "The five seed programmes, loaded from reviewable YAML"
