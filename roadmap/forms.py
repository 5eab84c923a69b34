"""The roadmap's editing form: checks that stages, drivers and statements fit together."""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminPageForm


def _kept_forms(formset):
    return [
        form
        for form in formset.forms
        if form.has_changed() or form.instance.pk
        if not (formset.can_delete and formset._should_delete_form(form))
    ]


class RoadmapPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        stages = self.formsets.get("stages")
        statements = self.formsets.get("statements")
        drivers = cleaned_data.get("drivers")
        # The inline forms are checked after this form; only compare them when they are valid.
        if drivers is None or stages is None or not stages.is_valid():
            return cleaned_data
        stage_count = len(_kept_forms(stages))
        errors = []
        seen = set()
        for block in drivers:
            driver = block.value["driver"]
            name = driver.name if driver else "A driver"
            if driver is not None and driver.pk in seen:
                errors.append(f"{name} is in the roadmap twice.")
            if driver is not None:
                seen.add(driver.pk)
            if len(block.value["stages"]) != stage_count:
                errors.append(
                    f"{name} describes {len(block.value['stages'])} stages but the roadmap has "
                    f"{stage_count}: add one description for each stage, in the same order."
                )
        if statements is not None and statements.is_valid():
            for form in _kept_forms(statements):
                driver = form.cleaned_data.get("driver")
                if driver is not None and driver.pk not in seen:
                    errors.append(
                        f"There is a statement for {driver.name}, which is not one of the "
                        "roadmap's drivers: add the driver above or change the statement."
                    )
        if errors:
            raise ValidationError(errors)
        return cleaned_data
