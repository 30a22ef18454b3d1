"""The “Trainer review” workflow on the whole site, Trainers' page rights, and /courses/.

Trainers may add and edit pages and submit them for review, but not publish: a change goes
live when another trainer (or an admin) approves it.
"""

from django.db import migrations

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]


def permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return perm


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    PeerReviewTask = apps.get_model("courses", "PeerReviewTask")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    trainers, _ = Group.objects.get_or_create(name="Trainers")
    home = Page.objects.filter(depth=2).order_by("path").first()
    if home is None:
        return
    for codename in TRAINER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=trainers, page=home, permission=permission(apps, codename)
        )

    task_type, _ = ContentType.objects.get_or_create(app_label="courses", model="peerreviewtask")
    task, _ = PeerReviewTask.objects.get_or_create(
        name="Trainer review", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(trainers)
    workflow, _ = Workflow.objects.get_or_create(name="Trainer review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})

    if not CourseIndexPage.objects.exists():
        index_type, _ = ContentType.objects.get_or_create(
            app_label="courses", model="courseindexpage"
        )
        child_count = Page.objects.filter(depth=3, path__startswith=home.path).count()
        CourseIndexPage.objects.create(
            title="Courses",
            draft_title="Courses",
            slug="courses",
            content_type=index_type,
            path=home.path + f"{child_count + 1:04d}",
            depth=3,
            numchild=0,
            url_path=home.url_path + "courses/",
            locale_id=home.locale_id,
            live=True,
            intro="<p>Courses in customer focus, taught as positive leadership.</p>",
        )
        Page.objects.filter(pk=home.pk).update(numchild=child_count + 1)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Trainer review").delete()
    apps.get_model("courses", "PeerReviewTask").objects.filter(name="Trainer review").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_course_tree"),
        ("accounts", "0002_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
