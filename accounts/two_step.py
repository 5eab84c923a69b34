"""Two-step sign-in: who needs it, and the authenticator app and recovery codes behind it.

After the password, a person confirms it is them with a six-digit code from an authenticator
app (TOTP, RFC 6238, through django-otp), or with one of ten recovery codes, each good once,
for when the phone is lost. VRU moderators and superusers can publish to the public, so they
must set it up before they reach the admin; champions may turn it on, and once on it is asked
for at every sign-in.
"""

import re

from django.db import transaction

from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from moderation.roles import MODERATORS

APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10

APP_CODE = re.compile(r"[0-9]{6}")
RECOVERY_CODE = re.compile(r"[a-z0-9]{8}")


def must_use_two_step(user):
    """People who can publish to the public site: superusers and VRU moderators."""
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=MODERATORS).exists()
    )


def has_two_step(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_second_step(user):
    """Signed in with a password, but not yet with the second step they need."""
    if not user.is_authenticated or user.is_verified():
        return False
    return has_two_step(user) or must_use_two_step(user)


def pending_app(user):
    """The authenticator app being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    return device


def grouped_key(device):
    """The app's secret in base32, in groups of four, for typing in by hand."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def normalise_code(text):
    """A typed code without spaces or dashes, lower case; None when it cannot be one.

    Only ASCII letters and digits are codes: `int()` would read full-width or other
    scripts' digits, which no authenticator app shows.
    """
    code = re.sub(r"[\s-]", "", text or "").lower()
    if APP_CODE.fullmatch(code) or RECOVERY_CODE.fullmatch(code):
        return code
    return None


@transaction.atomic
def confirm_app(request, device, code):
    """Confirm a new app with its first code; replace any older app; issue recovery codes.

    Returns the new recovery codes, or None when the code was wrong.
    """
    user = request.user
    if not (code and APP_CODE.fullmatch(code) and device.verify_token(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    otp_login(request, device)
    return codes


@transaction.atomic
def new_recovery_codes(user):
    """Ten fresh recovery codes; any earlier ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def verify(request, code):
    """Check a code against the person's app, or use up one recovery code. True on success."""
    user = request.user
    if not code:
        return False
    kind = TOTPDevice if APP_CODE.fullmatch(code) else StaticDevice
    for device in devices_for_user(user):
        if isinstance(device, kind):
            verified = otp_verify_token(user, device.persistent_id, code)
            if verified is not None:
                otp_login(request, verified)
                return True
    return False


@transaction.atomic
def turn_off(user):
    """Remove the app and the recovery codes (only for people who may go without)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
