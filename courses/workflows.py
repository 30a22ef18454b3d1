"""What happens when a change passes “Trainer review” (WAGTAIL_FINISH_WORKFLOW_ACTION)."""


def publish_approved_change(workflow_state, user=None):
    """Publish the approved revision, recorded as published by the approver.

    Wagtail's default publishes with the approver's own publish permission. Trainers have none
    on purpose (so they cannot skip review), and passing the review is the permission here.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
