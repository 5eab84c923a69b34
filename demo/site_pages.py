"""The pages every public body's site links to from its footer, and the home page's signposts.

The accessibility statement follows the GOV.UK model statement for the Public Sector Bodies
(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018; the privacy notice
says what the site itself holds. Both describe how this site is built; their dates, retention
periods and contact details are illustrative until the programme team confirms them.

Built last, once the roadmap and landscape exist, through the same `DemoBuilder`, so a second
run changes nothing.
"""

from django.utils.text import slugify

from wagtail.models import Site

from casestudies.models import (
    CaseStudyIndexPage,
    DefinitionPage,
    GlossaryPage,
    RecommendationIndexPage,
)
from home.models import FooterLinks, HomeSignpost, StandardPage
from roadmap.models import LandscapePage, RoadmapPage

from . import content
from .roadmap import LANDSCAPE, ROADMAP

EMAIL = "practice-library@london.gov.uk"
MAILTO = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'
PREPARED_ON = "30 November 2026"


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _call_out(heading, html):
    return {"type": "call_out", "value": {"heading": heading, "text": html}}


ACCESSIBILITY_STATEMENT = {
    "title": "Accessibility statement",
    "slug": "accessibility-statement",
    "introduction": "We want everyone who needs the Practice Library to be able to use it. "
    "This statement explains how accessible the site is, what we know does not work well yet, "
    "and how to tell us if something gets in your way.",
    "body": [
        _paragraph(
            "<p>This accessibility statement applies to the Practice Library, the website of "
            "London's trauma-informed practice programme. It covers the public pages: the "
            "practice library, case studies, recommendations, glossary, roadmap, landscape of "
            "practice and the site's own pages. The editor that champions and moderators sign "
            "in to is covered under non-accessible content below.</p>"
            "<p>This website is run by London's Violence Reduction Unit (VRU), part of the "
            "Greater London Authority (GLA). We want as many people as possible to be able to "
            "use it. For example, that means you should be able to:</p>"
            "<ul>"
            "<li>change colours, contrast levels and fonts using your browser or device "
            "settings</li>"
            "<li>zoom in up to 400% without the text spilling off the screen</li>"
            "<li>navigate most of the website using just a keyboard, including the "
            "library's search and filters</li>"
            "<li>use the roadmap's self-assessment without an account, with its results as a "
            "table as well as a chart</li>"
            "</ul>"
            "<p>We have also tried to make the text as simple as possible to understand.</p>"
            '<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet has advice on making your '
            "device easier to use</a> if you have a disability.</p>"
        ),
        _paragraph(
            "<h2>How accessible this website is</h2>"
            "<p>We know some parts of this website are not fully accessible:</p>"
            "<ul>"
            "<li>some documents attached to case studies, such as PDFs and Word files, may not "
            "be fully accessible to screen reader software</li>"
            "<li>the editor where champions write case studies has not yet been tested to the "
            "same standard as the public pages</li>"
            "<li>on small screens, the tables on the landscape of practice page scroll "
            "sideways</li>"
            "<li>the site has not yet been tested by disabled people using assistive "
            "technology</li>"
            "</ul>"
        ),
        _paragraph(
            "<h2>What to do if you cannot access parts of this website</h2>"
            "<p>If you need information on this website in a different format, such as an "
            "accessible PDF, large print, easy read, an audio recording or braille, email us "
            f"at {MAILTO}.</p>"
            "<p>Tell us the address of the page and the format you need. If you would rather "
            "talk, say so, and we will call you at a time that suits you. We will reply within "
            "5 working days.</p>"
        ),
        _paragraph(
            "<h2>Reporting accessibility problems with this website</h2>"
            "<p>We are always looking to improve the accessibility of this website. If you find "
            "a problem that is not listed on this page, or you think we are not meeting the "
            f"accessibility requirements, email {MAILTO}.</p>"
            "<p>It helps us to know which page you were on and what you were trying to do. You "
            "do not have to tell us anything about yourself or your disability.</p>"
        ),
        _paragraph(
            "<h2>Enforcement procedure</h2>"
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
            "the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
            "Regulations 2018 (the 'accessibility regulations').</p>"
            "<p>If you are not happy with how we respond to your complaint, contact the "
            '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support '
            "Service (EASS)</a>.</p>"
        ),
        _paragraph(
            "<h2>Technical information about this website's accessibility</h2>"
            "<p>The GLA is committed to making its websites accessible, in accordance with the "
            "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
            "Regulations 2018.</p>"
            "<h3>Compliance status</h3>"
            "<p>This website is partially compliant with the "
            '<a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines '
            "version 2.2</a> AA standard, due to the non-compliances listed below.</p>"
        ),
        _paragraph(
            "<h2>Non-accessible content</h2>"
            "<p>The content listed below is non-accessible for the following reasons.</p>"
            "<h3>Non-compliance with the accessibility regulations</h3>"
            "<p>Some documents attached to case studies were written by the organisations that "
            "shared them and may not have headings, text alternatives for images or a reading "
            "order that screen readers can follow. This fails WCAG 2.2 success criteria 1.1.1 "
            "(non-text content) and 1.3.1 (info and relationships). Moderators check every "
            "case study before it is published, but cannot always fix a document someone else "
            "wrote. If you need an accessible version of a document, email us and we will get "
            "one for you.</p>"
            "<p>The editor that champions and moderators use is built on Wagtail, an "
            "open-source content management system. We have not yet checked it against WCAG "
            "2.2 AA, so some parts may be hard to use with a screen reader or by keyboard alone. "
            "If you write case studies and something in the editor gets in your way, tell us and "
            "we will help you publish your work another way.</p>"
            "<h3>Disproportionate burden</h3>"
            "<p>We are not claiming that fixing any of these problems would be a "
            "disproportionate burden.</p>"
            "<h3>Content that's not within the scope of the accessibility regulations</h3>"
            "<p>We do not know of any content on this website that is outside the scope of the "
            "regulations.</p>"
        ),
        _paragraph(
            "<h2>What we're doing to improve accessibility</h2>"
            "<p>We will have the site audited against WCAG 2.2 AA by accessibility specialists, "
            "and tested by disabled people using assistive technology, including screen "
            "readers and speech recognition software. We will fix what they find and update "
            "this statement.</p>"
        ),
        _paragraph(
            "<h2>How we tested this website</h2>"
            "<p>Every time the site changes, automated checks test each type of public page "
            "against WCAG 2.2 A and AA with axe-core, at phone and desktop screen sizes. They "
            "also check that no page needs scrolling sideways at 320 pixels wide (the same as "
            "zooming to 400%), apart from data tables, and that the practice library can be "
            "searched and filtered with a keyboard alone.</p>"
            "<p>Automated checks find only some accessibility problems, which is why this site "
            "is partially compliant until it has had a full manual audit.</p>"
        ),
        _paragraph(
            "<h2>Preparation of this accessibility statement</h2>"
            f"<p>This statement was prepared on {PREPARED_ON}. It will be reviewed at least "
            "once a year, and whenever the site changes in a way that affects "
            "accessibility.</p>"
        ),
        _call_out(
            "About this statement",
            "<p>This statement describes how the site is built and tested. Its dates and "
            "contact details are illustrative until the programme publishes its own.</p>",
        ),
    ],
}

PRIVACY_NOTICE = {
    "title": "Privacy notice",
    "slug": "privacy-notice",
    "introduction": "This notice explains what personal information the Practice Library "
    "holds, why we hold it, how long we keep it and what your rights are. If anything here "
    "is unclear, please ask us.",
    "body": [
        _paragraph(
            "<h2>Who we are</h2>"
            "<p>The Practice Library is run by London's Violence Reduction Unit (VRU). The VRU "
            "is part of the Greater London Authority (GLA). The GLA is the controller for the "
            "personal information described here: it decides how the information is used and "
            "is responsible for keeping it safe.</p>"
        ),
        _paragraph(
            "<h2>If you are reading the site</h2>"
            "<p>You do not need an account to read the site, search the library or use the "
            "roadmap's self-assessment. We do not use advertising or analytics cookies, and we "
            "do not track you across other websites.</p>"
            "<p>The self-assessment does not save your answers. They are kept only in the web "
            "address of your profile page, which stays with you unless you choose to share "
            "it.</p>"
            "<p>The library counts the words and filters people search with, per day, without "
            "anything that identifies who searched: no internet address, no account and no "
            "session. Email addresses and phone numbers typed into a search are removed before "
            "anything is saved. We use these counts to see what people look for and cannot "
            "find, and we delete them after 13 months.</p>"
            "<p>Like every website, our web server keeps a short record of each request it "
            "answers: the address of the page, the time, your device's internet (IP) address "
            "and the type of browser. We use these server logs only to keep the site working "
            "and secure.</p>"
        ),
        _paragraph(
            "<h2>If you have an editor account</h2>"
            "<p>Trauma-informed champions and VRU moderators sign in to write and review case "
            "studies. For each account we hold:</p>"
            "<ul>"
            "<li>your name, work email address and username</li>"
            "<li>the organisation you work for</li>"
            "<li>when you last signed in</li>"
            "<li>failed attempts to sign in: the username tried, the internet (IP) address it "
            "came from and when, so we can pause an account that someone is trying to guess "
            "its way into</li>"
            "<li>if you use a second sign-in step: the secret shared with your authenticator "
            "app, the name you gave it, and your unused recovery codes</li>"
            "<li>what you write and do in the editor: your case studies, your comments in "
            "moderation, and the page history that shows who submitted, approved and "
            "published each page, and when</li>"
            "</ul>"
            "<p>We use this to let you sign in safely, to run moderation, to email you when a "
            "case study needs you, and to keep an honest record of what was published.</p>"
        ),
        _paragraph(
            "<h2>Case studies and the people in them</h2>"
            "<p>A case study shows the name, role and email address of a contact only when "
            "that person has agreed to it, and they can change their mind at any time. Quotes "
            "are shown with a role, such as 'a parent' or 'a youth worker', never a name, and "
            "only with the person's agreement.</p>"
            "<p>We ask champions not to include anything that could identify the young people, "
            "families or staff a case study describes. Moderators check every case study before "
            "it is published, with an extra safeguarding check when young people's voices are "
            "part of it.</p>"
        ),
        _paragraph(
            "<h2>Email alerts and other sign-ups</h2>"
            "<p>You can ask for a weekly email about new practice in the library. For this we "
            "keep only your email address, the library filter you chose, and when you signed "
            "up, confirmed and were last emailed. We keep your address only while you are "
            "subscribed: the link in every email stops them and deletes your address straight "
            "away. If you do not confirm a sign-up within 7 days, we delete it. We have no "
            "newsletters.</p>"
        ),
        _paragraph(
            "<h2>Why we can use your information</h2>"
            "<p>We use personal information because it is needed for a task in the public "
            "interest: the GLA's work, through the VRU, to reduce violence in London. In data "
            "protection law this is the 'public task' lawful basis (UK GDPR Article 6(1)(e)). "
            "Where a case study shows someone's contact details, we rely on their consent.</p>"
        ),
        _paragraph(
            "<h2>How long we keep it</h2>"
            "<ul>"
            "<li>Server logs: 30 days.</li>"
            "<li>Failed sign-in attempts: until you next sign in successfully, or until the "
            "first sign-in to the site after the hour-long pause on that sign-in ends.</li>"
            "<li>Editor accounts, including second sign-in step devices: while you have an "
            "account. When you leave the programme or ask us to close it, we delete your "
            "account within 30 days.</li>"
            "<li>Page history: as long as the page exists. Once your account is deleted, the "
            "history no longer shows your name.</li>"
            "<li>Contact details in a case study: until the person asks us to remove them, or "
            "the case study is taken down.</li>"
            "<li>Email alerts: until you stop them; sign-ups nobody confirms, 7 days.</li>"
            "<li>Counts of library searches: 13 months.</li>"
            "</ul>"
        ),
        _paragraph(
            "<h2>Who we share it with</h2>"
            "<p>We do not sell personal information or use it for marketing. Companies that "
            "host the site and send its emails handle it for us, under contract and only as we "
            "instruct them.</p>"
            "<p>If something you send us makes us worried that someone is at risk of serious "
            "harm, we may need to share it with the people who can keep them safe. Where we "
            "can, we will talk to you first.</p>"
        ),
        _paragraph(
            "<h2>Your rights</h2>"
            "<p>You have the right to:</p>"
            "<ul>"
            "<li>ask for a copy of the personal information we hold about you (access)</li>"
            "<li>ask us to correct information that is wrong or incomplete "
            "(rectification)</li>"
            "<li>ask us to delete your information (erasure)</li>"
            "<li>ask us to limit how we use it (restriction)</li>"
            "<li>object to how we use it (objection)</li>"
            "</ul>"
            "<p>You do not have to give a reason. We will reply within one month.</p>"
            "<p>If you are unhappy with how we have used your information, please tell us "
            "first, so we can try to put it right. You can also complain to the "
            '<a href="https://ico.org.uk/make-a-complaint/">Information Commissioner\'s Office '
            "(ICO)</a>, or call them on 0303 123 1113.</p>"
        ),
        _paragraph(
            "<h2>Contact us</h2>"
            f"<p>To ask about your information or use any of your rights, email {MAILTO}. You "
            "can also write to the GLA's Data Protection Officer at City Hall, Kamal Chunchie "
            "Way, London E16 1ZE.</p>"
            f"<p>This notice was last updated on {PREPARED_ON}.</p>"
        ),
        _call_out(
            "About this notice",
            "<p>This notice describes what the site holds as it is built. The retention "
            "periods and contact details are illustrative until the GLA confirms them.</p>",
        ),
    ],
}

CONTACT = {
    "title": "Contact us",
    "slug": "contact",
    "introduction": "We would like to hear from you: with a question, with practice you would "
    "like to share, or if something on the site is not working for you.",
    "body": [
        _paragraph(
            "<h2>Email the programme team</h2>"
            f"<p>Email {MAILTO}. A person in the programme team at London's Violence Reduction "
            "Unit reads every message, and we aim to reply within 5 working days.</p>"
            "<p>If you would rather talk, say so in your email and tell us a good time to "
            "call.</p>"
        ),
        _paragraph(
            "<h2>Share your practice</h2>"
            "<p>If your team or organisation is doing trauma-informed work in London, we would "
            "like to include it in the library. Tell us a little about it, and we will help you "
            "write it up as a case study. You do not need to have finished, or to have "
            "evidence that it worked.</p>"
        ),
        _paragraph(
            "<h2>If something is not working for you</h2>"
            "<p>If part of the site is hard to use, or you need something in a different "
            'format, our <a href="/accessibility-statement/">accessibility statement</a> says '
            "how we can help. To ask about your personal information, see our "
            '<a href="/privacy-notice/">privacy notice</a>.</p>'
        ),
        _call_out(
            "If you need support now",
            "<p>The programme team cannot respond to emergencies or give support to "
            "individuals.</p>"
            "<ul>"
            "<li>If you or someone else is in danger now, call 999.</li>"
            "<li>If you are finding things hard, you can call Samaritans free at any time on "
            "116 123, or text SHOUT to 85258.</li>"
            "</ul>",
        ),
        _call_out(
            "About this page",
            "<p>The email address on this page is illustrative.</p>",
        ),
    ],
}

FOOTER_PAGES = {
    "accessibility_statement": ACCESSIBILITY_STATEMENT,
    "privacy_notice": PRIVACY_NOTICE,
    "contact": CONTACT,
}


def _signpost_pages(home):
    """The programme's outputs by key, as the rest of the demo site built them; an output the
    demo has not built is left out."""
    glossary = GlossaryPage.objects.child_of(home).filter(slug=content.GLOSSARY["slug"]).first()
    definitions = (
        DefinitionPage.objects.child_of(glossary) if glossary else DefinitionPage.objects.none()
    )
    found = {
        "definition": definitions.filter(slug=slugify(content.FEATURED_DEFINITION)),
        "landscape": LandscapePage.objects.child_of(home).filter(slug=LANDSCAPE["slug"]),
        "case-studies": CaseStudyIndexPage.objects.child_of(home).filter(
            slug=content.CASE_STUDY_INDEX["slug"]
        ),
        "roadmap": RoadmapPage.objects.child_of(home).filter(slug=ROADMAP["slug"]),
        "recommendations": RecommendationIndexPage.objects.child_of(home).filter(
            slug=content.RECOMMENDATION_INDEX["slug"]
        ),
    }
    return {key: page for key, pages in found.items() if (page := pages.first())}


def build_site_pages(builder):
    """Create or update the footer's pages, point the footer at them and sign the home page's
    way to the programme's outputs (those the demo has built), with `builder`. Returns a
    report."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    pages = {
        name: builder.ensure_page(
            home,
            StandardPage,
            slug=spec["slug"],
            title=spec["title"],
            fields={"introduction": spec["introduction"], "body": spec["body"]},
        )
        for name, spec in FOOTER_PAGES.items()
    }

    links = FooterLinks.for_site(site)
    if any(getattr(links, f"{name}_id") != page.pk for name, page in pages.items()):
        for name, page in pages.items():
            setattr(links, name, page)
        links.save()
        footer = "set"
    else:
        footer = "unchanged"

    outputs = _signpost_pages(home)
    signposts = [
        {"page": outputs[key], "description": text}
        for key, text in content.SIGNPOSTS
        if key in outputs
    ]
    builder.ensure_inline_links(home, "signposts", HomeSignpost, signposts)
    return (
        f"Site pages ready: {len(pages)} footer pages ({footer} in the footer) and "
        f"{len(signposts)} signposts on the home page. This run created "
        f"{len(builder.created)} of their pages and updated {len(builder.updated)}."
    )
