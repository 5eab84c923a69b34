"""Illustrative demo content for development and tests. Fictional throughout."""

from wagtail.models import Site

HOME_INTRODUCTION = (
    "<p>Find promising trauma-informed practice from London's public services and "
    "communities, by sector and by driver of change.</p>"
)


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def load_demo_content():
    home = home_page()
    if home.introduction != HOME_INTRODUCTION:
        home.introduction = HOME_INTRODUCTION
        home.save_revision().publish()
    return "Demo content ready."
