"""Development accounts: each made once, with a new password kept in var/ for the developer."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model


def dev_account(username, create):
    """The account `username`, made by `create(password)` when missing.

    Returns the user and the password to show: the one kept in var/, or how to set one.
    """
    path = settings.VAR_DIR / f"dev-{username}-password.txt"
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user = create(password)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password + "\n")
        path.chmod(0o600)
    elif path.exists():
        password = path.read_text().strip()
    else:
        password = f"(unchanged: set one with `manage.py changepassword {username}`)"
    return user, password
