"""The admin form for a promoted result: one phrase, written as it will be matched, and one to
three different pages."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from .words import phrase_of

MAX_PAGES = 3


class PromotionForm(WagtailAdminModelForm):
    def clean_phrase(self):
        phrase = phrase_of(self.cleaned_data.get("phrase", ""))
        if not phrase:
            raise forms.ValidationError("Enter the search words to recommend pages for.")
        others = type(self.instance).objects.filter(phrase=phrase).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                f"There are already recommended pages for “{phrase}”. Change that one instead."
            )
        return phrase

    def clean(self):
        cleaned = super().clean()
        pages = self.formsets["pages"]
        pages.is_valid()  # the page forms are cleaned after this form otherwise
        chosen = [
            form.cleaned_data["page"]
            for form in pages.forms
            if getattr(form, "cleaned_data", {}).get("page") and not form.cleaned_data.get("DELETE")
        ]
        if len(chosen) > MAX_PAGES:
            raise forms.ValidationError(f"Recommend at most {MAX_PAGES} pages for one search.")
        if len({page.pk for page in chosen}) < len(chosen):
            raise forms.ValidationError("Each page can be recommended once for a search.")
        return cleaned
