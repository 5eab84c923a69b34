"""Admin hooks: a driver of change that has its own page is not deleted from under it."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from wagtail import hooks

from casestudies.models import DriverOfChange

from .models import DriverPage


@hooks.register("before_delete_snippet")
def keep_drivers_that_have_a_page(request, instances):
    """Refuse, with a message, to delete a driver whose page explains it (the page protects
    it), whether or not Wagtail's reference index has caught up with that page yet."""
    drivers = [item for item in instances if isinstance(item, DriverOfChange)]
    if not drivers:
        return None
    pages = DriverPage.objects.filter(driver__in=drivers).select_related("driver")
    if not pages:
        return None
    for page in pages:
        messages.error(
            request,
            f"{page.driver.name} cannot be deleted: its page “{page.title}” under How change "
            "happens explains it. Delete that page first, or reword the driver instead.",
        )
    return redirect(reverse("wagtailsnippets_casestudies_driverofchange:list"))
