"""ModuleProgress and Reflection move to courses (progress belongs to a person, not a cohort).

State only: the tables and every row stay where they are; courses 0006 takes the models over
with the same tables, then renames them.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("cohorts", "0007_organisation_trainers"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ModuleProgress"),
                migrations.DeleteModel(name="Reflection"),
            ],
            database_operations=[],
        ),
    ]
