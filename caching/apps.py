from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Caching"
    default_auto_field = "django.db.models.BigAutoField"
