"""Content languages: a Locale for each of WAGTAIL_CONTENT_LANGUAGES, principles translatable.

Existing principles keep their rows and ids: each gets its own translation key and the
default locale (the first Locale, as Wagtail's own migration made it). Name and slug become
unique per language instead of across languages (a principle's translations share its slug).
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


def remove_translations(apps, schema_editor):
    """Back to one principle per name and slug: only the default language's are kept."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Principle = apps.get_model("courses", "Principle")
    default = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
    )
    Principle.objects.exclude(locale=default).delete()


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
        migrations.AlterField(
            model_name="principle",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="principle",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="principle",
            name="name",
            field=models.CharField(max_length=80),
        ),
        migrations.AlterField(
            model_name="principle",
            name="slug",
            field=models.SlugField(max_length=80),
        ),
        migrations.AlterUniqueTogether(
            name="principle",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="principle",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="principle_slug_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="principle",
            constraint=models.UniqueConstraint(
                fields=("locale", "name"), name="principle_name_per_locale"
            ),
        ),
        # Going back, translations would break the old unique name and slug.
        migrations.RunPython(migrations.RunPython.noop, remove_translations),
    ]
