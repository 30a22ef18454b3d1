"""Content languages: a Locale for each of WAGTAIL_CONTENT_LANGUAGES, principles translatable.

Existing principles keep their rows and ids: each gets its own translation key and the
default locale (the first Locale, as Wagtail's own migration made it). 0009 then makes name and
slug unique per language instead of across languages (a principle's translations share its
slug). Data and schema changes are in separate migrations: PostgreSQL refuses ALTER TABLE on
a table with pending deferred-constraint events from rows changed in the same transaction.
"""

import uuid

from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def fill_principles(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Principle = apps.get_model("courses", "Principle")
    default = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    for principle in Principle.objects.filter(locale__isnull=True).order_by("pk"):
        principle.translation_key = uuid.uuid4()
        principle.locale = default
        principle.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_reflection_questions_as_labelled_text_areas"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_locales, migrations.RunPython.noop),
        migrations.AddField(
            model_name="principle",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="principle",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.RunPython(fill_principles, migrations.RunPython.noop),
    ]
