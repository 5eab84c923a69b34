"""The admin's upload form for a practice import."""

from pathlib import Path

from django import forms

from .reading import EXTENSIONS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet",
        help_text="An Excel workbook (.xlsx) or a CSV file, one row per case study, "
        "recommendation or definition, with the template's columns. Up to 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish the pages straight away",
        help_text="Leave this unticked to send new and changed pages to moderation as drafts.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in EXTENSIONS:
            raise forms.ValidationError(
                "Choose an Excel workbook (.xlsx) or a CSV file (.csv). Other spreadsheets can "
                "be saved as one of these."
            )
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                "The file is larger than 10 MB. Split it into smaller files, or ask whoever runs "
                "the site to import it with the import_practice command."
            )
        return upload
