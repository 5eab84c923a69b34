"""What imports remember: which page each spreadsheet row became, and each import started in
the admin, with its file, progress and report."""

from django.conf import settings
from django.db import models


class ImportedPage(models.Model):
    """The page made from a row with this external ID: importing the row again updates it."""

    external_id = models.CharField(max_length=100, unique=True)
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported page"

    def __str__(self):
        return f"{self.external_id} → page {self.page_id}"


class ImportRun(models.Model):
    """A spreadsheet a moderator uploaded in the admin: checked first, imported once
    confirmed, both by the background worker."""

    class Status(models.TextChoices):
        WAITING_TO_CHECK = "waiting-to-check", "Waiting to be checked"
        CHECKING = "checking", "Checking"
        CHECKED = "checked", "Checked: waiting for you to confirm"
        WAITING_TO_IMPORT = "waiting-to-import", "Waiting to be imported"
        IMPORTING = "importing", "Importing"
        DONE = "done", "Imported"
        FAILED = "failed", "Not imported"

    BUSY = (Status.WAITING_TO_CHECK, Status.CHECKING, Status.WAITING_TO_IMPORT, Status.IMPORTING)

    file = models.FileField(upload_to="practice-imports/%Y/%m/", blank=True)
    file_name = models.CharField(max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="practice_imports",
        help_text="Who uploaded the file; the pages made are theirs.",
    )
    publish = models.BooleanField(default=False)
    skip_invalid = models.BooleanField(default=False)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.WAITING_TO_CHECK
    )
    stage = models.CharField(max_length=20, blank=True, help_text="Checking, or importing.")
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    report = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True, help_text="Why the file could not be imported.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "practice import"

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def busy(self):
        return self.status in self.BUSY

    @property
    def percent_done(self):
        return 100 * self.rows_done // self.rows_total if self.rows_total else 0
