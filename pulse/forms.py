"""Forms of the pulse: the admin form for statement sets (answer form below)."""

from wagtail.admin.forms import WagtailAdminModelForm

from pulse.permissions import organisations_for_pulse_statements


class PulseStatementSetForm(WagtailAdminModelForm):
    """Offers only the organisations the person may write statements for."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "organisation" in self.fields and for_user is not None:
            self.fields["organisation"].queryset = organisations_for_pulse_statements(for_user)
