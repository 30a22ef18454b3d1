"""Trainers translate: they may start translations (wagtail-localize's submit_translation) and
edit principles' translations. A translated page goes live through Trainer review like any
change (the workflow reaches each language's tree: courses.workflows.review_translated_root).
"""

from django.db import migrations

TRANSLATOR_PERMISSIONS = [
    ("wagtail_localize", "translation", "submit_translation"),
    ("courses", "principle", "change_principle"),
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name="Trainers").first()
    if trainers is None:
        return
    for app_label, model, codename in TRANSLATOR_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        trainers.permissions.add(permission)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name="Trainers").first()
    if trainers is None:
        return
    for app_label, _model, codename in TRANSLATOR_PERMISSIONS:
        trainers.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0010_principles_translations_back"),
        ("accounts", "0002_groups"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
