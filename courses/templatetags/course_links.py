"""Where a link leads, for templates that explain it (the sign-in page a course sent someone to)."""

from urllib.parse import urlsplit

from django import template

from courses.models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def leads_into_a_course(context, next_url) -> bool:
    """`{% leads_into_a_course redirect_field_value as course_next %}`: whether a sign-in's
    `next` is a page inside a course catalogue (a course, a module), so the sign-in page can
    say why it asks (one query; none without a `next`)."""
    if not next_url:
        return False
    path = urlsplit(str(next_url)).path
    request = context.get("request")
    for catalogue in CourseIndexPage.objects.live().only("id", "url_path", "path", "depth"):
        url = catalogue.get_url(request)
        if url and path.startswith(url) and len(path) > len(url):
            return True
    return False
