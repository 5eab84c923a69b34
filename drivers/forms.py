"""The driver page's editing form: the title defaults to the driver's name, and each driver
has one page."""

from django.utils.text import slugify

from wagtail.admin.forms import WagtailAdminPageForm


class DriverPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in from the driver when left blank (see clean()).
        for name, help_text in (
            ("title", "Leave blank to use the driver's name."),
            ("slug", "Leave blank to use the driver's own slug, as in library links."),
        ):
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text = help_text

    def clean(self):
        driver = self.cleaned_data.get("driver")
        if driver is not None:
            if not self.cleaned_data.get("title"):
                self.cleaned_data["title"] = driver.name
            if "slug" in self.fields and not self.cleaned_data.get("slug"):
                self.cleaned_data["slug"] = slugify(driver.slug)
            other = (
                self._meta.model.objects.filter(driver=driver).exclude(pk=self.instance.pk).first()
            )
            if other is not None:
                # Said here, by name, rather than as the database's "already exists".
                self.add_error(
                    "driver",
                    f"{driver.name} already has a page, “{other.title}”. Edit that page "
                    "instead, or choose another driver.",
                )
        return super().clean()
