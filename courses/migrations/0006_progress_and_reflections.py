"""ModuleProgress and Reflection arrive from cohorts, with every row.

1. State only: the models are created over the existing cohorts_* tables (cohorts 0008 has
   let go of them), so nothing is copied and nothing is lost.
2. Their content types move to courses, so the permissions attached to them (and any group
   holding those permissions) move too; none is deleted and none is duplicated.
3. The tables are renamed to courses_moduleprogress and courses_reflection.

Reversible: backwards renames the tables and content types back.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("moduleprogress", "reflection")


def _move_content_types(apps, schema_editor, source: str, target: str) -> None:
    """Relabel the models' content types from one app to the other, unless the target
    already has its own (then the old ones are left for remove_stale_contenttypes)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    for model in MODELS:
        if not types.filter(app_label=target, model=model).exists():
            types.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "cohorts", "courses")


def backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "courses", "cohorts")


class Migration(migrations.Migration):

    dependencies = [
        ("cohorts", "0008_progress_moves_to_courses"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("courses", "0005_course_book"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ModuleProgress",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("completed_at", models.DateTimeField()),
                        ("module", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="progress", to="courses.modulepage")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="module_progress", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name_plural": "module progress",
                        "db_table": "cohorts_moduleprogress",
                        "constraints": [
                            models.UniqueConstraint(fields=("user", "module"), name="one_progress_per_module"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Reflection",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("question_key", models.CharField(max_length=64)),
                        ("question", models.CharField(help_text="The question as it was asked.", max_length=300)),
                        ("answer", models.TextField(max_length=10000)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        ("module", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reflections", to="courses.modulepage")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="reflections", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "cohorts_reflection",
                        "constraints": [
                            models.UniqueConstraint(fields=("user", "module", "question_key"), name="one_answer_per_question"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AlterModelTable(name="moduleprogress", table=None),
        migrations.AlterModelTable(name="reflection", table=None),
    ]
