from django import template

from wagtail.models import Site

from home.site_settings import FooterLinks

register = template.Library()


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The footer's public links for the request's site.

    Read without `for_request`, which would create the site's empty settings row on a
    visitor's first request: a public page never writes to the database.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    links = FooterLinks.objects.filter(site=site).first() if site is not None else None
    return links.public_links() if links is not None else []
