"""Signing people in as they would be after both steps, and the codes their apps would show."""

from django.test import Client

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_code(device, offset=0):
    """The six digits `device`'s authenticator app shows now (`offset` steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():06d}"


def paired_app(user):
    """The person's confirmed authenticator app, paired on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def signed_in(user, client=None):
    """A client signed in with password and second step, as after a real two-step sign-in."""
    client = client or Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = paired_app(user).persistent_id
    session.save()
    return client
