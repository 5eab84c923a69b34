"""Demo people for development: one champion, one VRU moderator, and a case study waiting.

Made only when DEBUG is on (or when asked for explicitly), never on a production site. As with
the development admin, each password is made once, kept in var/ for the developer only, and
printed with the sign-in details. The champion's case study is submitted to VRU moderation,
so the moderator has something waiting on their dashboard.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from casestudies.models import (
    Borough,
    CaseStudyIndexPage,
    CaseStudyPage,
    DriverOfChange,
    Principle,
    Sector,
)
from demo.dev_accounts import dev_account
from moderation.roles import CHAMPIONS, MODERATORS

from .case_studies import LA, VOICE, YPV

PEOPLE = [
    {
        "username": "champion",
        "first_name": "Amara",
        "last_name": "Lewis",
        "email": "champion@example.org",
        "group": CHAMPIONS,
        "role": "demo champion",
    },
    {
        "username": "moderator",
        "first_name": "Rowan",
        "last_name": "Hughes",
        "email": "moderator@example.org",
        "group": MODERATORS,
        "role": "demo VRU moderator",
    },
]

WAITING_CASE_STUDY = {
    "slug": "young-advisers-redesign-the-youth-hub-welcome",
    "title": "Young advisers redesign the youth hub welcome",
    "summary": "Young advisers rewrote how a youth hub greets people on their first visit, so "
    "that arriving feels calm and nobody has to tell their story twice.",
    "organisation": "North London Youth Voice Collective (illustrative)",
    "population": "Young people visiting a youth hub for the first time",
    "age_group": CaseStudyPage.AgeGroup.YOUNG_PEOPLE,
    "setting": "Youth hub",
    "challenge": "<p>Young people said the first visit felt like an interview: forms, "
    "questions and waiting in a busy corridor.</p>",
    "approach": "<p>Six young advisers, paid for their time, tried the welcome themselves and "
    "proposed changes. Staff tested each change for a month and reported back.</p>",
    "outcomes": "<p>More young people came back for a second visit, and staff said the first "
    "conversation felt less rushed.</p>",
    "started": datetime.date(2025, 2, 1),
}


def ensure_person(spec):
    """The demo account, created once with a new password; returns (user, password to show)."""
    user, password = dev_account(
        spec["username"],
        lambda password: get_user_model().objects.create_user(
            spec["username"],
            spec["email"],
            password,
            first_name=spec["first_name"],
            last_name=spec["last_name"],
        ),
    )
    user.groups.add(Group.objects.get(name=spec["group"]))
    return user, password


def ensure_waiting_case_study(champion):
    """The champion's case study, submitted for moderation the first time only."""
    index = CaseStudyIndexPage.objects.first()
    if index is None or CaseStudyPage.objects.filter(slug=WAITING_CASE_STUDY["slug"]).exists():
        return None
    page = CaseStudyPage(
        **WAITING_CASE_STUDY,
        lead_sector=Sector.objects.get(slug=YPV),
        owner=champion,
        live=False,
    )
    page.partner_sectors = [Sector.objects.get(slug=LA)]
    page.boroughs = [Borough.objects.get(slug="haringey")]
    page.drivers = list(DriverOfChange.objects.filter(slug=VOICE))
    page.principles = list(Principle.objects.filter(slug__in=["collaboration", "empowerment"]))
    page.tags.set(["co-design"])
    index.add_child(instance=page)
    page.save_revision(user=champion)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, champion)
    return page


def ensure_demo_people():
    """Create the demo champion and moderator and the waiting case study. Returns a report."""
    lines = []
    accounts = {}
    for spec in PEOPLE:
        user, password = ensure_person(spec)
        accounts[spec["group"]] = user
        lines.append(f"Sign in as the {spec['role']} '{user.username}' with password: {password}")
    waiting = ensure_waiting_case_study(accounts[CHAMPIONS])
    if waiting is not None:
        lines.append(f"Submitted '{waiting.title}' for moderation as the demo champion.")
    return "\n".join(lines)
