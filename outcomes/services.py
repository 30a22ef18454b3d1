"""Importing customer results and undoing an import: one function per action, all or nothing."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from outcomes.csv_import import read_customer_csv
from outcomes.models import CustomerImport, CustomerPoint
from outcomes.permissions import can_manage_customer_results


@transaction.atomic
def import_customer_results(*, organisation, raw: bytes, file_name: str, by) -> CustomerImport:
    """Import a customer-results CSV for an organisation, recorded as one CustomerImport.

    Raises outcomes.csv_import.CustomerCsvError (every bad line named) and imports nothing if
    any line is bad. A point already in the series (same date, measure and site) is replaced:
    the series shows the newest import's value."""
    if not can_manage_customer_results(by, organisation):
        raise PermissionDenied
    rows = read_customer_csv(raw)
    keys = {(row.measured_on, row.measure, row.site) for row in rows}
    existing = CustomerPoint.objects.filter(
        organisation=organisation,
        measured_on__in={row.measured_on for row in rows},
        measure__in={row.measure for row in rows},
    ).values_list("measured_on", "measure", "site")
    replaced = len(keys & set(existing))
    made = CustomerImport.objects.create(
        organisation=organisation,
        file_name=file_name[:255],
        rows=len(rows),
        replaced=replaced,
        imported_by=by,
    )
    CustomerPoint.objects.bulk_create(
        CustomerPoint(
            organisation=organisation,
            source=made,
            measured_on=row.measured_on,
            measure=row.measure,
            site=row.site,
            value=row.value,
        )
        for row in rows
    )
    return made


@transaction.atomic
def undo_customer_import(*, customer_import: CustomerImport, by) -> int:
    """Take an import's points out of the series (values it had replaced show again) and mark
    it undone; the record of the import stays. Returns how many points were removed."""
    locked = CustomerImport.objects.select_for_update().get(pk=customer_import.pk)
    if not can_manage_customer_results(by, locked.organisation):
        raise PermissionDenied
    if locked.is_undone:
        return 0
    removed, _ = CustomerPoint.objects.filter(source=locked).delete()
    locked.undone_at = timezone.now()
    locked.undone_by = by
    locked.save(update_fields=["undone_at", "undone_by"])
    customer_import.undone_at, customer_import.undone_by = locked.undone_at, by
    return removed
