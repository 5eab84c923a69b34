"""The sign-up form: an email address and nothing else."""

from django import forms
from django.contrib.auth.base_user import BaseUserManager
from django.core.validators import EmailValidator

WRONG_FORMAT = "Enter an email address in the correct format, like name@example.com"


class AlertSignUpForm(forms.Form):
    email = forms.CharField(
        label="Email address",
        help_text="We will only use it to send these emails.",
        max_length=254,
        strip=True,
        validators=[EmailValidator(message=WRONG_FORMAT)],
        error_messages={
            "required": "Enter your email address",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )

    def clean_email(self):
        # The domain part is not case-sensitive: keep it lowercased, as Django's users do.
        return BaseUserManager.normalize_email(self.cleaned_data["email"])
