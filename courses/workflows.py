"""What happens when a change passes “Trainer review” (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved_change(workflow_state, user=None):
    """Publish the revision the last approval was given on, recorded as published by the
    approver.

    Wagtail's default publishes the latest revision with the approver's own publish
    permission. Trainers have none on purpose (so they cannot skip review), and passing the
    review is the permission here. With WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT an edit
    during review restarts the task, so the approved revision is the latest one; publishing
    it by name keeps an unreviewed revision from going live even if that setting changes.
    """
    revision = workflow_state.current_task_state.revision
    revision.publish(user=user, skip_permission_checks=True)


def review_translated_root(*, page) -> None:
    """Give a language's site root (a translation of the home page, at depth 2) the same
    workflow and group page permissions as the home page it translates.

    Wagtail looks for a page's workflow and page permissions among its ancestors, and each
    language has its own tree under the root: without this, trainers could neither edit the
    Spanish pages nor would a Spanish edit go to “Trainer review”. Runs when such a root is
    saved (courses.signals); anything it already has is kept.
    """
    from wagtail.models import GroupPagePermission, Page, WorkflowPage

    if page.depth != 2:
        return
    sources = list(
        Page.objects.filter(depth=2, translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .order_by("pk")
    )
    if not sources:
        return
    if not WorkflowPage.objects.filter(page=page).exists():
        source_workflow = (
            WorkflowPage.objects.filter(page__in=sources).order_by("page_id").first()
        )
        if source_workflow is not None:
            WorkflowPage.objects.create(page=page, workflow=source_workflow.workflow)
    for grant in GroupPagePermission.objects.filter(page__in=sources).order_by("pk"):
        GroupPagePermission.objects.get_or_create(
            page=page, group_id=grant.group_id, permission_id=grant.permission_id
        )
