"""One date style on the site, in the admin and in emails, from the active locale's formats
(config/formats): “1 Sep 2026”, never “Sept. 1, 2026” beside “1 September 2026”."""

import pathlib
import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db
TEMPLATES = pathlib.Path(__file__).resolve().parent.parent / "templates"


def test_the_site_and_the_admin_show_a_cohorts_start_date_the_same_way(client, trainer):
    course = factories.course(modules=1)
    cohort = factories.cohort(course=course, name="Autumn", trainers=[trainer])
    client.force_login(trainer)
    admin_html = client.get("/admin/cohorts/").content.decode()
    site_html = client.get(cohort.join_path).content.decode()
    for html in (admin_html, site_html):
        assert "1 Sep 2026" in html
        assert "Sept. 1, 2026" not in html and "1 September 2026" not in html


def test_a_report_date_reads_the_same_in_the_feed_and_the_report(client, trainer):
    course = factories.course(modules=1)
    cohort = factories.cohort(course=course, trainers=[trainer])
    report = factories.report(membership=cohort.memberships.get())
    client.force_login(trainer)
    for url in (f"/cohorts/{cohort.pk}/reports/", f"/reports/{report.pk}/"):
        assert "15 Sep 2026" in client.get(url).content.decode()


def test_templates_name_their_date_formats_instead_of_spelling_them_out():
    literal = re.compile(r'\|date:"(?![A-Z_]+_FORMAT")')
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{n}"
        for path in TEMPLATES.rglob("*.*")
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if literal.search(line)
    ]
    assert not offenders
