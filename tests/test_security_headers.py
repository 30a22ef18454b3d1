"""Every page says what it may load and run: a strict Content-Security-Policy on Ripple's own
pages (no inline script or style), a looser one for the Wagtail admin, none on PDFs, and a
Permissions-Policy that refuses the devices Ripple never uses."""

import re

import pytest
from django.urls import reverse

from cohorts.models import Membership
from config.env import media_origins
from courses.models import CourseBookPage, ModulePage
from tests import factories

pytestmark = pytest.mark.django_db

DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


def directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, f"{response.request['PATH_INFO']} has no Content-Security-Policy"
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.fixture
def world(learner, trainer):
    course = factories.course(modules=2)
    cohort = factories.cohort(course=course, trainers=[trainer], learners=[learner])
    report = factories.report(membership=Membership.objects.get(user=learner))
    book = factories.book(course=course)
    return {"course": course, "cohort": cohort, "report": report, "book": book}


def ripple_pages(world) -> list[str]:
    """The main pages of Ripple a learner or trainer sees (the trainer sees them all)."""
    cohort, report = world["cohort"], world["report"]
    module = ModulePage.objects.get(slug="module-1")
    return [
        "/",
        "/courses/",
        world["course"].url,
        module.url,
        world["book"].url,
        "/search/?q=helpers",
        "/my/",
        f"/cohorts/{cohort.pk}/",
        f"/cohorts/{cohort.pk}/reports/",
        f"/cohorts/{cohort.pk}/reports/new/",
        f"/cohorts/{cohort.pk}/report-back/",
        f"/cohorts/{cohort.pk}/impact/",
        f"/reports/{report.pk}/",
    ]


def test_ripple_pages_carry_a_strict_content_security_policy(client, world, trainer):
    client.force_login(trainer)
    for url in ripple_pages(world):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"]
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["img-src"] == ["'self'", "data:"]
        assert policy["object-src"] == ["'none'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'self'"]


def test_sign_in_pages_carry_the_strict_policy_too(client):
    for url in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"):
        policy = directives(client.get(url))
        assert policy["script-src"] == ["'self'"], url


def test_every_response_refuses_devices_ripple_never_uses(client, admin_user):
    client.force_login(admin_user)
    for url in ("/", "/accounts/login/", "/admin/", "/healthz"):
        header = client.get(url).headers.get("Permissions-Policy", "")
        for feature in DENIED_FEATURES:
            assert f"{feature}=()" in header, (url, feature)


def test_the_wagtail_admin_has_its_own_looser_policy(client, world, admin_user):
    client.force_login(admin_user)
    module = ModulePage.objects.get(slug="module-1")
    principle = module.principles.first()
    urls = [
        "/admin/",
        f"/admin/pages/{module.pk}/edit/",
        reverse("wagtailsnippets_courses_principle:edit", args=[principle.pk]),
        reverse("cohorts:index"),
        reverse("cohorts:edit", args=[world["cohort"].pk]),
        reverse("cohorts:members", args=[world["cohort"].pk]),
        "/admin/no-such-admin-page/",  # Wagtail's own 404 page inside the admin
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"], url
        assert "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert "blob:" in policy["img-src"]


def test_a_book_pdf_carries_no_content_security_policy(client, world):
    book = CourseBookPage.objects.get(pk=world["book"].pk)
    response = client.get(book.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Security-Policy" not in response.headers
    assert "camera=()" in response.headers["Permissions-Policy"]


SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)


def inline_code(html: str) -> list[str]:
    """Inline scripts (not JSON data blocks), event-handler attributes, style attributes and
    <style> elements: what the strict policy would block."""
    found = [
        match.group(0) for match in SCRIPT.finditer(html)
        if "src=" not in match.group(1) and "application/json" not in match.group(1)
    ]
    found += [match.group(0)[:80] for match in EVENT_HANDLER.finditer(html)]
    found += [match.group(0)[:80] for match in STYLE_ATTRIBUTE.finditer(html)]
    found += re.findall(r"<style\b[^>]*>", html, re.I)
    return found


def test_ripple_pages_run_no_inline_script_or_style(client, world, trainer, learner, admin_user):
    for person in (learner, trainer, admin_user):  # the admin also gets Wagtail's userbar
        client.force_login(person)
        for url in ripple_pages(world):
            response = client.get(url)
            if response.status_code != 200:
                continue  # pages this person may not see
            assert inline_code(response.content.decode()) == [], (person.email, url)
    client.logout()
    for url in ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/", "/"):
        assert inline_code(client.get(url).content.decode()) == [], url


def test_the_inline_code_scan_sees_what_the_policy_would_block():
    assert inline_code('<script>alert(1)</script><script src="/static/x.js"></script>') == [
        "<script>"
    ]
    assert inline_code('<script type="application/json">{}</script>') == []
    assert len(inline_code('<a href="#" onclick="go()">x</a><p style="color:red">')) == 2


def test_images_from_the_media_storage_are_allowed_by_its_address():
    assert media_origins(media_url="/media/", bucket="", endpoint=None, region=None) == []
    assert media_origins(
        media_url="https://cdn.example.com/media/", bucket="", endpoint=None, region=None
    ) == ["https://cdn.example.com"]
    assert media_origins(
        media_url="/media/", bucket="ripple", endpoint="https://s3.example.net", region=None
    ) == ["https://s3.example.net", "https://ripple.s3.example.net"]
    assert media_origins(
        media_url="/media/", bucket="ripple", endpoint=None, region="eu-west-1"
    ) == ["https://ripple.s3.amazonaws.com", "https://ripple.s3.eu-west-1.amazonaws.com"]
