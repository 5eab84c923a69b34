"""The footer's links on every public page: an editable setting for each site.

A public body's site links to its accessibility statement, its privacy notice and a way to
contact the team from every page. Editors choose the three pages under Settings → Footer
links; the footer shows each one only while the public may see it.
"""

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.admin.panels import PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from core.public import public_pages
from core.versions import pages_around_the_library_changed

FOOTER_PAGES = ("accessibility_statement", "privacy_notice", "contact")


def _page_chooser(help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="link")
class FooterLinks(BaseSiteSetting):
    accessibility_statement = _page_chooser(
        "The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 "
        "ask for."
    )
    privacy_notice = _page_chooser("What personal information the site holds, and why.")
    contact = _page_chooser("How to reach the programme team.")

    panels = [PageChooserPanel(name) for name in FOOTER_PAGES]

    class Meta:
        verbose_name = "Footer links"
        verbose_name_plural = "Footer links"

    def public_links(self):
        """The chosen pages, in the footer's order, leaving out any the public may not see."""
        return public_pages([pk for name in FOOTER_PAGES if (pk := getattr(self, f"{name}_id"))])

    def save(self, *args, **kwargs):
        # The first request to a site makes its empty row: no link yet, so nothing to refresh.
        changes_footer = not self._state.adding or any(
            getattr(self, f"{name}_id") for name in FOOTER_PAGES
        )
        super().save(*args, **kwargs)
        if changes_footer:
            footer_changed()


def footer_changed():
    """Library pages are kept whole, footer and all: a changed footer must not be served from
    them."""
    pages_around_the_library_changed()


def footer_page_ids():
    ids = set()
    for row in FooterLinks.objects.values_list(*(f"{name}_id" for name in FOOTER_PAGES)):
        ids.update(pk for pk in row if pk)
    return ids


@receiver(post_save, sender=Site, dispatch_uid="site-saved")
@receiver(post_delete, sender=Site, dispatch_uid="site-deleted")
def on_site_changed(sender, instance, **kwargs):
    # Each public page's navigation and footer follow the site its host names.
    pages_around_the_library_changed()


@receiver(page_published, dispatch_uid="footer-page-published")
@receiver(page_unpublished, dispatch_uid="footer-page-unpublished")
def on_footer_page_changed(sender, instance, **kwargs):
    # Unpublished, expired, deleted (Wagtail unpublishes first) or retitled.
    if instance.pk in footer_page_ids():
        footer_changed()


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="footer-restriction-saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="footer-restriction-deleted")
def on_footer_restriction_changed(sender, instance, **kwargs):
    restricted = Page.objects.filter(pk=instance.page_id).first()
    if restricted is None:
        return
    below = Page.objects.filter(pk__in=footer_page_ids(), path__startswith=restricted.path)
    if below.exists():
        footer_changed()
