"""Two-step sign-in: required for people who can publish, a choice for champions."""

import re
import time

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from home.models import StandardPage
from tests.practice import home_page, publish_page
from tests.signing_in import app_code, paired_app

from .conftest import password_sign_in

pytestmark = pytest.mark.django_db

ADMIN_HOME = "/admin/"
SET_UP = reverse("two_step_set_up")
VERIFY = reverse("two_step_verify")
# After one wrong code, django-otp refuses every code for a second, to stop guessing.
WRONG_CODE_PAUSE = 1.1


def pending_app(user):
    return TOTPDevice.objects.get(user=user, confirmed=False)


def set_up_app(client, user):
    """Scan the code (read the pending key) and confirm with the app's first code."""
    assert client.get(SET_UP).status_code == 200
    response = client.post(SET_UP, {"code": app_code(pending_app(user)), "next": ADMIN_HOME})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    assert codes_page.status_code == 200
    return re.findall(r"<li><code>([a-z0-9]{8})</code></li>", codes_page.content.decode())


@pytest.fixture(params=["moderator", "superuser"])
def publisher(request):
    return request.getfixturevalue(request.param)


def test_people_who_can_publish_must_set_up_an_app_before_the_admin_opens(publisher):
    response, client = password_sign_in(publisher.username)
    assert response.status_code == 302
    for path in (ADMIN_HOME, reverse("wagtailadmin_explore_root"), "/django-admin/"):
        held = client.get(path)
        assert held.status_code == 302
        assert held["Location"].startswith(SET_UP), path

    page = client.get(SET_UP).content.decode()
    assert "Set up two-step sign-in" in page
    assert "<svg" in page  # the QR code to scan
    assert re.search(r"<code>([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>", page)  # or the key to type


def test_a_wrong_first_code_is_refused_clearly_and_the_right_one_gives_ten_recovery_codes(
    moderator,
):
    _, client = password_sign_in(moderator.username)
    client.get(SET_UP)
    later = app_code(pending_app(moderator), offset=10)  # the code five minutes from now
    wrong = client.post(SET_UP, {"code": later})
    assert wrong.status_code == 400
    assert "That code did not match" in wrong.content.decode()
    assert client.get(ADMIN_HOME).status_code == 302  # still held

    time.sleep(WRONG_CODE_PAUSE)
    codes = set_up_app(client, moderator)
    assert len(set(codes)) == 10
    assert client.get(ADMIN_HOME).status_code == 200
    # Shown once only.
    assert client.get(reverse("two_step_recovery_codes_shown")).status_code == 302


@pytest.mark.parametrize(
    "typed",
    ["１２３４５６", "²²²²²²", "١٢٣٤٥٦", "12345", "12 34 5x", "", "9" * 20, "<script>"],
)
def test_codes_that_cannot_be_codes_get_a_clear_message_not_an_error(moderator, typed):
    paired_app(moderator)
    _, client = password_sign_in(moderator.username)
    response = client.post(VERIFY, {"code": typed, "next": ADMIN_HOME})
    assert response.status_code == 400
    page = response.content.decode()
    assert "That code did not work" in page or "This field is required" in page
    assert client.get(ADMIN_HOME).status_code == 302


def test_each_sign_in_asks_for_the_apps_code(moderator):
    app = paired_app(moderator)
    response, client = password_sign_in(moderator.username)
    held = client.get(ADMIN_HOME)
    assert held["Location"] == f"{VERIFY}?next=%2Fadmin%2F"

    assert (
        client.post(VERIFY, {"code": app_code(app, offset=10), "next": ADMIN_HOME}).status_code
        == 400
    )
    time.sleep(WRONG_CODE_PAUSE)
    done = client.post(VERIFY, {"code": app_code(app), "next": ADMIN_HOME})
    assert done.status_code == 302 and done["Location"] == ADMIN_HOME
    assert client.get(ADMIN_HOME).status_code == 200

    # The same code cannot be used again (someone watching over a shoulder).
    _, other = password_sign_in(moderator.username, address="198.51.100.20")
    assert other.post(VERIFY, {"code": app_code(app)}).status_code == 400


def test_a_recovery_code_signs_in_once(moderator):
    _, client = password_sign_in(moderator.username)
    codes = set_up_app(client, moderator)

    _, phone_lost = password_sign_in(moderator.username)
    typed = f"{codes[0][:4].upper()} {codes[0][4:]}"  # as someone might type it from paper
    assert phone_lost.post(VERIFY, {"code": typed, "next": ADMIN_HOME}).status_code == 302
    assert phone_lost.get(ADMIN_HOME).status_code == 200

    _, again = password_sign_in(moderator.username)
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 400
    time.sleep(WRONG_CODE_PAUSE)
    assert again.post(VERIFY, {"code": codes[1]}).status_code == 302

    manage = phone_lost.get(reverse("two_step_manage")).content.decode()
    assert "8 recovery codes left" in manage


def test_a_stolen_password_cannot_swap_the_app(moderator):
    paired_app(moderator)
    _, thief = password_sign_in(moderator.username)
    response = thief.get(SET_UP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert thief.post(SET_UP, {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=moderator).count() == 1


def test_before_the_second_step_the_public_site_treats_them_as_signed_out(moderator):
    private = publish_page(home_page(), StandardPage(title="Team notes", slug="team-notes"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    paired_app(moderator)
    _, client = password_sign_in(moderator.username)

    held = client.get(private.url)
    assert held.status_code == 302 and "/login/" in held["Location"]
    assert "wagtail-userbar" not in client.get(home_page().url).content.decode()

    client.post(VERIFY, {"code": app_code(TOTPDevice.objects.get(user=moderator))})
    assert client.get(private.url).status_code == 200


def test_champions_choose_and_once_on_it_is_asked_for(champion):
    response, client = password_sign_in(champion.username)
    assert client.get(ADMIN_HOME).status_code == 200  # no app needed
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert "Two-step sign-in" in account
    assert "is off" in client.get(reverse("two_step_manage")).content.decode()

    set_up_app(client, champion)
    _, next_time = password_sign_in(champion.username)
    assert next_time.get(ADMIN_HOME)["Location"].startswith(VERIFY)

    off = client.post(reverse("two_step_turn_off"))
    assert off.status_code == 302
    assert not TOTPDevice.objects.filter(user=champion).exists()
    _, after = password_sign_in(champion.username)
    assert after.get(ADMIN_HOME).status_code == 200


def test_moderators_cannot_turn_it_off(moderator):
    _, client = password_sign_in(moderator.username)
    set_up_app(client, moderator)
    response = client.post(reverse("two_step_turn_off"))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()


def test_an_administrator_resets_a_lost_phone_and_codes(moderator, capsys):
    paired_app(moderator)
    call_command("reset_two_step", moderator.username)
    assert "set up a new app at their next sign-in" in capsys.readouterr().out
    _, client = password_sign_in(moderator.username)
    assert client.get(ADMIN_HOME)["Location"].startswith(SET_UP)


def test_signing_out_is_always_possible(moderator):
    _, client = password_sign_in(moderator.username)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert Client().get(ADMIN_HOME).status_code == 302
