"""Organisations get an explicit trainer role: who may start cohorts there.

Filled from today's trainer memberships: whoever trains a cohort of an organisation becomes one
of its trainers, so nobody loses the right to start cohorts where they already run them.
"""

from django.conf import settings
from django.db import migrations, models


def trainers_from_memberships(apps, schema_editor):
    """Every trainer of a cohort becomes a trainer of that cohort's organisation."""
    Membership = apps.get_model("cohorts", "Membership")
    Organisation = apps.get_model("cohorts", "Organisation")
    pairs = (
        Membership.objects.filter(role="trainer")
        .values_list("cohort__organisation_id", "user_id")
        .distinct()
    )
    Through = Organisation.trainers.through
    Through.objects.bulk_create(
        [Through(organisation_id=org, user_id=user) for org, user in pairs],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):

    dependencies = [
        ("cohorts", "0006_reflections_keyed_on_question_ids"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="trainers",
            field=models.ManyToManyField(
                blank=True,
                help_text="People who may start cohorts for this organisation (cohorts/permissions.py).",
                related_name="trainer_in_organisations",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(trainers_from_memberships, migrations.RunPython.noop),
    ]
