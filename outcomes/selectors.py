"""Reading an organisation's customer results: the monthly series and the import history.

Sums and counts come from the database per (measure, day); Python only adds days up into
months, so a page runs the same queries however many points were imported.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Sum

from outcomes.models import CustomerImport, CustomerPoint


@dataclass(frozen=True)
class MonthlyValue:
    """A measure's mean over one month (all its points that month, every site)."""

    month: date
    mean: float
    points: int


@dataclass(frozen=True)
class MeasureSeries:
    """One customer measure (e.g. CSAT) month by month, oldest first; months without a point
    are absent."""

    measure: str
    months: list[MonthlyValue]

    def value_in(self, month: date) -> float | None:
        """The month's mean, or None when the measure has no point that month."""
        return next((row.mean for row in self.months if row.month == month), None)


def customer_series(*, organisation) -> list[MeasureSeries]:
    """Every measure of the organisation's current customer points, by name, month by month
    (one query)."""
    current = CustomerPoint.objects.filter(organisation=organisation).current().order_by()
    days = current.values("measure", "measured_on").annotate(total=Sum("value"), n=Count("pk"))
    months: dict[str, dict[date, list[float]]] = {}
    for row in days:
        month = row["measured_on"].replace(day=1)
        total = months.setdefault(row["measure"], {}).setdefault(month, [0.0, 0])
        total[0] += row["total"]
        total[1] += row["n"]
    return [
        MeasureSeries(
            measure=measure,
            months=[
                MonthlyValue(month=month, mean=round(total / n, 2), points=n)
                for month, (total, n) in sorted(by_month.items())
            ],
        )
        for measure, by_month in sorted(months.items(), key=lambda item: item[0].lower())
    ]


def customer_imports(*, organisation):
    """The organisation's imports, newest first, with who made and who undid them."""
    return CustomerImport.objects.filter(organisation=organisation).select_related(
        "imported_by", "undone_by"
    )


def latest_customer_import(*, organisation) -> CustomerImport | None:
    """The organisation's newest import still in the series (None when there is none)."""
    return (
        CustomerImport.objects.filter(organisation=organisation, undone_at__isnull=True)
        .select_related("imported_by")
        .first()
    )
