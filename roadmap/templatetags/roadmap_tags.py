"""Template tags for the roadmap: the profile chart."""

from django import template

from ..chart import profile_chart as draw_profile_chart

register = template.Library()


@register.simple_tag
def profile_chart(profiles, stages):
    return draw_profile_chart(profiles, stages)
