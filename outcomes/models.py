"""Customer results: an organisation's customer-satisfaction series (CSAT, NPS...), imported
from CSV files by admins (outcomes.services), shown beside the engagement pulse on the impact
pages (reports) and in the sponsor's summary.

Points are never edited in place: each import keeps its own points, and the series shows, for
each (date, measure, site), the value from the newest import that has one. Re-importing a point
therefore updates it, and undoing an import deletes only its own points, so the values it had
replaced show again.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from cohorts.models import Organisation

MEASURE_LENGTH = 60
SITE_LENGTH = 120


class CustomerImport(models.Model):
    """One CSV file an admin imported for an organisation: who, when, which file, how many
    points. Kept after an undo (marked undone), so the history stays readable."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="customer_imports"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    rows = models.PositiveIntegerField(_("rows"))
    replaced = models.PositiveIntegerField(
        _("replaced"), default=0, help_text=_("Points that replaced a value imported earlier.")
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.organisation})"

    @property
    def is_undone(self) -> bool:
        return self.undone_at is not None


class CustomerPointQuerySet(models.QuerySet):
    def current(self):
        """The points the series shows: for each organisation, date, measure and site, the one
        from the newest import (imports are numbered in the order they were made)."""
        newer = CustomerPoint.objects.filter(
            organisation=OuterRef("organisation"),
            measured_on=OuterRef("measured_on"),
            measure=OuterRef("measure"),
            site=OuterRef("site"),
            source__gt=OuterRef("source"),
        )
        return self.exclude(Exists(newer))


class CustomerPoint(models.Model):
    """One value of a customer measure on a date, for the whole organisation or one site, as
    one import brought it (see the module's docstring for how imports overlay each other)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="customer_points"
    )
    source = models.ForeignKey(CustomerImport, on_delete=models.CASCADE, related_name="points")
    measured_on = models.DateField(_("date"))
    measure = models.CharField(_("measure"), max_length=MEASURE_LENGTH)
    site = models.CharField(_("site"), max_length=SITE_LENGTH, blank=True, default="")
    value = models.FloatField(_("value"))

    objects = CustomerPointQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "measured_on", "site"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "measured_on", "measure", "site"],
                name="one_customer_point_per_import_date_measure_site",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organisation", "measure", "measured_on", "site"],
                name="customer_point_series",
            ),
        ]

    def __str__(self):
        return f"{self.measure} {self.measured_on}: {self.value}"
