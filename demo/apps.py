"""The demo app: only management commands and data, no models."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Registers `seed_demo` and `make_bench_data`."""

    name = "demo"
    verbose_name = "Demo and benchmark data"
    default_auto_field = "django.db.models.BigAutoField"
