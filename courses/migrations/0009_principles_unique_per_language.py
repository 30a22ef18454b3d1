"""Principles: unique per language (name, slug) instead of across languages; locale and
translation key required. Schema only (the data step is 0008; going back, 0010 first removes
the translations that would break the old unique name and slug)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("courses", "0008_content_languages")]

    operations = [
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
    ]
