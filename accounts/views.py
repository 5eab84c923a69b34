"""The two-step pages: set up an app, enter a code, see and renew recovery codes, turn off."""

from django import forms
from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

import qrcode
import qrcode.image.svg

from . import two_step

SHOWN_CODES = "two_step_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6 digits your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _qr_svg(device):
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2
    )
    # Built here from the app's own URL: no outside text reaches the markup.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def set_up(request):
    """Pair an authenticator app: scan or type the key, then prove it with a first code.

    Replacing an app needs the second step first, or a stolen password could swap it.
    """
    if two_step.needs_second_step(request.user) and two_step.has_two_step(request.user):
        return redirect(f"{reverse('two_step_verify')}?next={_next_url(request)}")
    device = two_step.pending_app(request.user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        code = two_step.normalise_code(form.cleaned_data["code"])
        codes = two_step.confirm_app(request, device, code)
        if codes is not None:
            request.session[SHOWN_CODES] = codes
            return redirect(f"{reverse('two_step_recovery_codes_shown')}?next={_next_url(request)}")
        form.add_error(
            "code",
            "That code did not match. Wait a few seconds, then type the 6 digits the app "
            "shows now; if it still does not match, check that your phone's date and time are "
            "set automatically.",
        )
    if form.errors:
        status = 400
    return render(
        request,
        "accounts/set_up.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device),
            "key": two_step.grouped_key(device),
            "required": two_step.must_use_two_step(request.user),
            "replacing": two_step.has_two_step(request.user),
            "next": _next_url(request),
        },
        status=status,
    )


def verify(request):
    """The second step of signing in."""
    if not two_step.needs_second_step(request.user):
        return redirect(_next_url(request))
    if not two_step.has_two_step(request.user):
        return redirect(f"{reverse('two_step_set_up')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        code = two_step.normalise_code(form.cleaned_data["code"])
        if two_step.verify(request, code):
            return redirect(_next_url(request))
        form.add_error(
            "code",
            "That code did not work. Type the 6 digits your app shows now, or a recovery code "
            "you have not used before. After a wrong code, wait a few seconds before trying "
            "again: the wait doubles with each wrong code, to stop guessing.",
        )
    if form.errors:
        status = 400
    return render(
        request, "accounts/verify.html", {"form": form, "next": _next_url(request)}, status=status
    )


def recovery_codes_shown(request):
    """New recovery codes, shown once, straight after they are made."""
    codes = request.session.pop(SHOWN_CODES, None)
    if not codes:
        return redirect("two_step_manage")
    return render(
        request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


def manage(request):
    user = request.user
    return render(
        request,
        "accounts/manage.html",
        {
            "has_two_step": two_step.has_two_step(user),
            "required": two_step.must_use_two_step(user),
            "codes_left": two_step.recovery_codes_left(user),
        },
    )


@require_POST
def new_recovery_codes(request):
    if not two_step.has_two_step(request.user):
        return redirect("two_step_manage")
    request.session[SHOWN_CODES] = two_step.new_recovery_codes(request.user)
    return redirect("two_step_recovery_codes_shown")


@require_POST
def turn_off(request):
    if two_step.must_use_two_step(request.user):
        return HttpResponseForbidden(
            "Moderators and administrators must keep two-step sign-in on. "
            "To move it to a new phone, set up the app again."
        )
    two_step.turn_off(request.user)
    messages.success(request, "Two-step sign-in is off for your account.")
    return redirect("two_step_manage")
