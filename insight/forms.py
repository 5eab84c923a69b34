"""The period the "What people look for" report covers: from and to, both days included."""

import datetime

from django import forms
from django.utils import timezone

DEFAULT_DAYS = 30


def default_period(today=None):
    """The last 30 days, today included."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=DEFAULT_DAYS - 1), today


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="From",
        help_text="The first day to include.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label="To",
        help_text="The last day to include.",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    @classmethod
    def from_request(cls, params):
        """The form bound to the request's period, or to the last 30 days when none is given."""
        if "start" in params or "end" in params:
            return cls(params)
        start, end = default_period()
        return cls({"start": start.isoformat(), "end": end.isoformat()})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(
                "The “From” day must be on or before the “To” day.", code="period"
            )
        return cleaned
