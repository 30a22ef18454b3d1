"""Going back only: keep the default language's principles, so 0009's reversal can make name
and slug unique across languages again. Its own migration, so the deletions are committed
before PostgreSQL alters the table."""

from django.conf import settings
from django.db import migrations


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
    dependencies = [("courses", "0009_principles_unique_per_language")]

    operations = [migrations.RunPython(migrations.RunPython.noop, remove_translations)]
