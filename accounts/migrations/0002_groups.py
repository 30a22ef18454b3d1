"""Create the Trainers and Learners groups. Trainers may use the Wagtail admin and its media."""

from django.db import migrations

TRAINER_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
]
TRAINER_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    trainers, _ = Group.objects.get_or_create(name="Trainers")
    Group.objects.get_or_create(name="Learners")
    for app_label, model, codename in TRAINER_PERMISSIONS:
        trainers.permissions.add(permission(apps, app_label, model, codename))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is None:
        return
    for app_label, model, codenames in TRAINER_COLLECTION_PERMISSIONS:
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=trainers,
                collection=root_collection,
                permission=permission(apps, app_label, model, codename),
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Trainers", "Learners"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
