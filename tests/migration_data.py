"""Remake the rows that Wagtail's and Ripple's data migrations create, after a flush."""

from importlib import import_module

from django.apps import apps


def _migration(app: str, name: str):
    return import_module(f"{app}.migrations.{name}")


def restore_migration_data() -> None:
    from wagtail.models import Collection, Locale, Page

    if Page.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="en")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    _migration("courses", "0002_create_homepage").create_homepage(apps, None)
    _migration("accounts", "0002_groups").create_groups(apps, None)
    _migration("courses", "0004_trainer_review_workflow").forwards(apps, None)
    _migration("courses", "0008_content_languages").add_locales(apps, None)
    _migration("courses", "0011_trainers_translate").forwards(apps, None)
