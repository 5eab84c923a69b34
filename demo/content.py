"""The words of the demo site: drivers, site pages, recommendations, the glossary and the home
page's signposts to the programme's outputs.

Everything that stands in for the programme's own material is marked as illustrative.
"""

from .case_studies import EDU, ICB, LA, MPS, PARTNERSHIP, TRUST, VCO, VOICE, WELLBEING, YPV

HOME_INTRODUCTION = (
    "<p>Find promising trauma-informed practice from London's public services and "
    "communities, by sector and by driver of change. The examples on this site are "
    "illustrative.</p>"
)

ILLUSTRATIVE_NOTE = (
    "<p>The case studies, recommendations and definitions on this site are illustrative. "
    "The organisations named in the case studies are fictional.</p>"
)

# (slug, name, description). The programme's own names for its drivers are not public yet.
DRIVERS = [
    (
        TRUST,
        "Relationships and trust (illustrative)",
        "Practice changes when people have consistent, trusted relationships with the staff "
        "who support them, and when services do what they say they will do.",
    ),
    (
        WELLBEING,
        "Workforce wellbeing (illustrative)",
        "Staff who feel safe, supported and able to reflect are better able to offer safety to "
        "others. Trauma-informed organisations look after their people.",
    ),
    (
        PARTNERSHIP,
        "Shared leadership and partnership (illustrative)",
        "Leaders across sectors share a vision, plan together and remove the barriers that stop "
        "services joining up around people.",
    ),
    (
        VOICE,
        "Voice and participation (illustrative)",
        "Young people, families and communities shape services, with real influence over "
        "decisions and honest feedback about what changed.",
    ),
]

CASE_STUDY_INDEX = {
    "title": "Case studies",
    "slug": "case-studies",
    "introduction": "<p>Examples of promising trauma-informed practice from London's public "
    "services and communities. These case studies are illustrative: the organisations and "
    "projects are fictional.</p>",
}

RECOMMENDATION_INDEX = {
    "title": "Recommendations",
    "slug": "recommendations",
    "introduction": "<p>What implementers, system leaders and London's Violence Reduction Unit "
    "can each do to embed trauma-informed practice across the city. The wording here is "
    "illustrative.</p>",
}

GLOSSARY = {
    "title": "Glossary",
    "slug": "glossary",
    "introduction": "<p>Plain-English meanings of the words used in trauma-informed practice, "
    "starting with London's definition.</p>",
}


def _paragraph(html):
    return {"type": "paragraph", "value": html}


def _call_out(heading, html):
    return {"type": "call_out", "value": {"heading": heading, "text": html}}


def _key_facts(heading, facts):
    return {
        "type": "key_facts",
        "value": {
            "heading": heading,
            "facts": [{"figure": figure, "label": label} for figure, label in facts],
        },
    }


ABOUT = {
    "title": "About the programme",
    "slug": "about",
    "introduction": "London's Violence Reduction Unit (VRU) is working with partners across "
    "the city to make trauma-informed practice part of how London works. This page explains "
    "why, who has been involved and what the programme has produced.",
    "body": [
        _paragraph(
            "<h2>Why trauma-informed practice matters</h2>"
            "<p>There is a large body of evidence that traumatic, abusive or neglectful "
            "experiences, including adverse childhood experiences, can affect people's "
            "wellbeing for many years. There is also growing evidence that people can recover, "
            "and that it helps when services understand trauma and take it into account in "
            "their policies and their day-to-day practice.</p>"
            "<p>Over the last twenty years, education, public health, criminal justice and "
            "social care have all taken up trauma-informed approaches. But organisations still "
            "understand, define and practise them in very different ways.</p>"
        ),
        _paragraph(
            "<h2>What the programme set out to do</h2>"
            "<p>The VRU wanted a clearer picture of trauma-informed work in London, and to "
            "support the city on its journey to becoming trauma-informed. The programme brings "
            "partners from different sectors together to:</p>"
            "<ul><li>agree a shared vision</li>"
            "<li>connect promising practice</li>"
            "<li>strengthen London's shared ability to reduce violence by working in "
            "trauma-informed ways</li></ul>"
        ),
        _paragraph(
            "<h2>Who was involved</h2>"
            "<p>The VRU appointed two research partners, Dartington Service Design Lab and "
            "Friendship, to explore how trauma-informed approaches are being developed and put "
            "into practice across London. The research heard from more than 300 practitioners, "
            "leaders and young people. This kept it rooted in violence reduction and focused on "
            "a more consistent, joined-up response.</p>"
            "<p>A project group of 16 trauma-informed champions shaped the vision and direction "
            "of the work. They come from policing, health, local authorities, education, "
            "voluntary and community organisations, and the VRU's Young People's Action "
            "Group.</p>"
        ),
        _paragraph(
            "<h2>What the programme has produced</h2>"
            "<p>The research focused on local authorities, the Metropolitan Police Service and "
            "London's NHS Integrated Care Boards. It has produced:</p>"
            "<ul><li>a definition of trauma-informed practice written for London</li>"
            "<li>a picture of trauma-informed and trauma-responsive work across sectors</li>"
            "<li>case studies of promising practice, adding to the evidence for "
            "trauma-informed work in violence reduction</li>"
            "<li>a roadmap to help organisations see where they are and plan their next "
            "steps</li>"
            "<li>a better understanding of how trauma-informed practice helps reduce violence "
            "and improve outcomes more widely</li></ul>"
            "<p>The research also identified four drivers of change, which explain how "
            "trauma-informed practice leads to better outcomes for young people, families and "
            "communities.</p>"
        ),
        _paragraph(
            "<h2>What happens next</h2>"
            "<p>The research makes recommendations for three groups: the people who deliver "
            "services (implementers), system leaders, and the VRU itself. Taken together, they "
            "describe a whole-London approach, and they sit at the centre of the roadmap.</p>"
            "<p>The findings give a baseline for trauma-informed practice in London. They are a "
            "foundation for the VRU to keep supporting borough partnerships, work across "
            "sectors and shared learning.</p>"
        ),
        _call_out("About the examples on this site", ILLUSTRATIVE_NOTE),
    ],
}

FINDINGS = {
    "title": "Key findings",
    "slug": "findings",
    "introduction": "What the research says about trauma-informed practice in London, in brief. "
    "The findings on this page are illustrative: they stand in for the programme's published "
    "findings.",
    "body": [
        _key_facts(
            "The research in numbers",
            [
                ("300+", "practitioners, leaders and young people took part"),
                ("16", "trauma-informed champions shaped the work"),
                ("4", "drivers of change"),
            ],
        ),
        _paragraph(
            "<h2>A shared language is still growing</h2>"
            "<p>Most organisations want to be trauma-informed, but they mean different things "
            "by it. A shared London definition helps partners plan together and talk to the "
            "public in the same plain words.</p>"
        ),
        _paragraph(
            "<h2>Promising practice exists in every sector</h2>"
            "<p>Police, health, councils, schools and community organisations all had examples "
            "of practice that made people feel safer and more in control. Much of it was small, "
            "local and not written down.</p>"
        ),
        _paragraph(
            "<h2>Looking after staff comes first</h2>"
            "<p>Staff cannot offer safety they do not feel themselves. Where organisations "
            "protected time for reflection and supported staff after difficult events, other "
            "changes lasted longer.</p>"
        ),
        _paragraph(
            "<h2>Young people's voice makes services safer</h2>"
            "<p>Services changed most when young people were involved from the start, paid for "
            "their time and told honestly what had changed because of them.</p>"
        ),
        _paragraph(
            "<h2>Joined-up work depends on relationships</h2>"
            "<p>Partnerships worked best where people from different services knew each other "
            "by name, trained together and agreed in advance how they would share concerns.</p>"
        ),
        _call_out(
            "These findings are illustrative",
            "<p>The headings and text on this page stand in for the programme's own findings. "
            "The numbers in the key facts describe the research itself.</p>",
        ),
    ],
}

DRIVERS_PAGE = {
    "title": "Drivers of change",
    "slug": "drivers-of-change",
    "introduction": "Four drivers of change explain how trauma-informed practice leads to "
    "better outcomes for young people, families and communities. The names and descriptions "
    "on this page are illustrative.",
    "body": [
        _paragraph(
            "<p>The programme's research identified four core drivers of change: signs of "
            "trauma-informed practice that help bring about lasting change. Every case study "
            "and recommendation in the library is tagged with the drivers it shows, so you can "
            "find practice for each one.</p>"
        ),
        *[
            _paragraph(
                f"<h2>{name}</h2><p>{description}</p>"
                f'<p><a href="/how-change-happens/{slug}/">How it leads to less violence</a>'
                f' · <a href="/library/?driver={slug}">Find practice for this driver</a></p>'
            )
            for slug, name, description in DRIVERS
        ],
        _call_out(
            "These drivers are illustrative",
            "<p>The four drivers on this page stand in for the drivers of change named by the "
            "programme's research.</p>",
        ),
    ],
}

STANDARD_PAGES = [ABOUT, FINDINGS, DRIVERS_PAGE]

ILLUSTRATIVE_RECOMMENDATION = (
    "<p><em>This recommendation is illustrative. It stands in for the programme's own "
    "wording.</em></p>"
)


def _actions(*pairs):
    return [{"type": "action", "value": {"action": a, "detail": d}} for a, d in pairs]


# Case studies are named by (theme key, variant number); see case_studies.THEMES.
RECOMMENDATIONS = [
    {
        "title": "Explain what will happen, every time",
        "audience": "implementers",
        "summary": "Tell people what will happen next, why, and what choices they have, in "
        "plain words and at every step. Uncertainty is one of the things people who have "
        "experienced trauma find hardest.",
        "sectors": [],
        "drivers": [TRUST],
        "actions": _actions(
            (
                "Agree a short explanation for each first contact",
                "Write it with staff and with people who have used the service, and keep it "
                "in plain words.",
            ),
            (
                "Offer a choice wherever there is one",
                "Even small choices, such as where to sit or who to speak to, give back a "
                "sense of control.",
            ),
            (
                "Check that people have understood",
                "Ask people to say back what will happen next, rather than asking 'is that "
                "clear?'.",
            ),
        ),
        "rationale": "<p>People who have experienced trauma often find uncertainty and loss "
        "of control distressing. Clear explanations lower distress, reduce conflict and build "
        "trust in the service.</p>",
        "case_studies": [("custody", 0), ("letters", 0)],
    },
    {
        "title": "Make reflective supervision part of the working week",
        "audience": "implementers",
        "summary": "Give every frontline worker regular, protected time to reflect on their "
        "work with a trained facilitator, and treat cancelling it as the exception.",
        "sectors": [LA, MPS, ICB],
        "drivers": [WELLBEING],
        "actions": _actions(
            (
                "Put reflective meetings in the diary for the year",
                "Monthly small-group meetings work well; protect them like any other "
                "statutory duty.",
            ),
            (
                "Train managers first",
                "Managers who have taken part themselves are more likely to protect the time.",
            ),
        ),
        "rationale": "<p>Working with distress every day affects staff. Reflective "
        "supervision helps them make sense of the work, notice its effect on them and stay in "
        "their roles.</p>",
        "case_studies": [("reflective-supervision", 0), ("reflective-supervision", 1)],
    },
    {
        "title": "Involve young people from the first planning meeting",
        "audience": "implementers",
        "summary": "Bring young people into the design of services from the start, pay them "
        "for their time and be honest about which decisions are theirs to make.",
        "sectors": [YPV, LA, VCO],
        "drivers": [VOICE],
        "actions": _actions(
            (
                "Pay young people for their time",
                "Use vouchers or payment at the same rate as other advisers.",
            ),
            (
                "Say which decisions young people will make and which they will shape",
                "Being clear about the limits builds more trust than promising everything.",
            ),
            (
                "End every meeting with 'you said, we did'",
                "Show what changed, and explain honestly when something could not.",
            ),
        ),
        "rationale": "<p>Services designed with young people are more likely to be used and "
        "trusted. Involving them late, or without influence, can repeat the experience of not "
        "being heard.</p>",
        "case_studies": [("co-design", 0), ("young-trainers", 1)],
    },
    {
        "title": "Walk through your service with the people who use it",
        "audience": "implementers",
        "summary": "Look at entrances, waiting areas, forms and first conversations through "
        "the eyes of the people who use them, and fix what feels unsafe or confusing.",
        "sectors": [LA, ICB, VCO],
        "drivers": [TRUST, VOICE],
        "actions": _actions(
            (
                "Walk through the building together",
                "Invite two or three people who use the service and note what they notice.",
            ),
            (
                "Move forms to later in the visit",
                "Start with 'what would help today?' and help people with paperwork afterwards.",
            ),
        ),
        "rationale": "<p>First impressions shape whether people come back. Small changes to "
        "spaces and first contact cost little and tell people they are welcome.</p>",
        "case_studies": [("welcome", 0), ("welcome", 2), ("custody", 2)],
    },
    {
        "title": "Fund relationships, not only referrals",
        "audience": "system-leaders",
        "summary": "Commission services so that the same trusted adult can stay with a young "
        "person over time, rather than passing them from one short intervention to the next.",
        "sectors": [LA, ICB, VCO],
        "drivers": [TRUST, PARTNERSHIP],
        "actions": _actions(
            (
                "Allow for follow-up in contracts",
                "Fund the weeks after a crisis, not only the moment of contact.",
            ),
            (
                "Measure continuity",
                "Ask how many young people kept the same worker, as well as how many were seen.",
            ),
            (
                "Fund for longer",
                "Give promising work at least three years to build trust in its community.",
            ),
        ),
        "rationale": "<p>Trusted relationships are at the heart of trauma-informed practice. "
        "Short contracts and hand-offs make it hard for young people to trust anyone.</p>",
        "case_studies": [("emergency-department", 0), ("transition", 0)],
    },
    {
        "title": "Plan trauma-informed training as a partnership",
        "audience": "system-leaders",
        "summary": "Train staff from different organisations together, so that people who "
        "work with the same families share a language and know who to call.",
        "sectors": [LA, MPS, EDU, VCO],
        "drivers": [PARTNERSHIP, WELLBEING],
        "actions": _actions(
            (
                "Design one programme across the partnership",
                "Involve young people and parents in deciding what it covers.",
            ),
            (
                "Mix the groups on purpose",
                "Put an officer, a teacher and a youth worker on the same case example.",
            ),
        ),
        "rationale": "<p>Separate training keeps services apart. Training together builds "
        "the relationships that joined-up work depends on.</p>",
        "case_studies": [("training-together", 0), ("training-together", 1)],
    },
    {
        "title": "Support staff after critical incidents as a matter of course",
        "audience": "system-leaders",
        "summary": "Make sure every member of staff involved in a serious incident is checked "
        "on within a day and offered further help, whoever their manager is.",
        "sectors": [MPS, ICB, EDU, LA],
        "drivers": [WELLBEING],
        "actions": _actions(
            (
                "Agree one response across the organisation",
                "A check-in within a day and a follow-up a few weeks later.",
            ),
            (
                "Train and supervise peer supporters",
                "People offering support need support of their own.",
            ),
        ),
        "rationale": "<p>How staff are treated after difficult events affects their "
        "wellbeing and how they treat the people they serve.</p>",
        "case_studies": [("critical-incidents", 0), ("critical-incidents", 1)],
    },
    {
        "title": "Measure what matters to the people using services",
        "audience": "system-leaders",
        "summary": "Add measures of whether people felt safe, listened to and in control "
        "alongside counts of activity, and ask the people who use services what to measure.",
        "sectors": [],
        "drivers": [VOICE, PARTNERSHIP],
        "actions": _actions(
            (
                "Ask people what a good outcome looks like",
                "Use their words in surveys and reports.",
            ),
            (
                "Report back what changed",
                "Share results with the people who gave their views.",
            ),
        ),
        "rationale": "<p>What gets measured gets attention. Activity counts alone cannot show "
        "whether a service feels safe to use.</p>",
        "case_studies": [("letters", 1), ("co-design", 2)],
    },
    {
        "title": "Keep London's definition in plain words and share it widely",
        "audience": "vru",
        "summary": "Publish London's definition of trauma-informed practice in plain words, "
        "with examples for each sector, so that partners and the public share one "
        "understanding.",
        "sectors": [],
        "drivers": [PARTNERSHIP],
        "actions": _actions(
            (
                "Publish the definition with examples for each sector",
                "Show what it looks like in a custody suite, a classroom and a clinic.",
            ),
            (
                "Review it with young people every year",
                "Keep the wording clear and check it still fits their experience.",
            ),
        ),
        "rationale": "<p>A shared definition helps partners plan together and helps the "
        "public know what to expect from services.</p>",
        "case_studies": [("training-together", 2)],
    },
    {
        "title": "Connect promising practice across boroughs",
        "audience": "vru",
        "summary": "Help boroughs learn from each other by collecting promising practice, "
        "bringing practitioners together and making examples easy to find.",
        "sectors": [],
        "drivers": [PARTNERSHIP],
        "actions": _actions(
            (
                "Keep the practice library up to date",
                "Invite champions to add case studies and review them regularly.",
            ),
            (
                "Host regular learning events",
                "Bring practitioners from different boroughs and sectors together.",
            ),
            (
                "Link similar work",
                "Put teams doing similar things in touch with each other.",
            ),
        ),
        "rationale": "<p>Much promising practice is local and not written down. Sharing it "
        "saves effort and spreads what works.</p>",
        "case_studies": [("safer-places", 0), ("community-response", 0)],
    },
    {
        "title": "Keep young people's voice at the centre of the programme",
        "audience": "vru",
        "summary": "Continue to involve young people, including the Young People's Action "
        "Group, in setting priorities, reviewing practice and judging progress.",
        "sectors": [YPV],
        "drivers": [VOICE],
        "actions": _actions(
            (
                "Give young people a standing place in programme decisions",
                "Agree in advance which decisions they will make and which they will shape.",
            ),
            (
                "Pay and support young advisers",
                "Offer training, debriefs and payment for their time.",
            ),
        ),
        "rationale": "<p>Young people know what helps and what harms. Their involvement keeps "
        "the programme grounded in their experience.</p>",
        "case_studies": [("co-design", 1), ("community-response", 3)],
    },
    {
        "title": "Help champions evaluate their practice",
        "audience": "vru",
        "summary": "Offer practical support so that teams can gather evidence about their "
        "practice, from simple feedback to independent evaluation, and share what they learn.",
        "sectors": [],
        "drivers": [PARTNERSHIP, WELLBEING],
        "actions": _actions(
            (
                "Offer simple evaluation tools",
                "Short surveys and feedback templates that teams can use themselves.",
            ),
            (
                "Broker support from researchers",
                "Link promising work with universities and evaluators.",
            ),
        ),
        "rationale": "<p>Much trauma-informed practice is promising but not yet evaluated. "
        "Better evidence helps good work grow.</p>",
        "case_studies": [("relational-schools", 0), ("emergency-department", 1)],
    },
]

OHID_SOURCE = {
    "title": "Working definition of trauma-informed practice",
    "publisher": "Office for Health Improvement and Disparities",
    "year": 2022,
    "url": "https://www.gov.uk/government/publications/working-definition-of-trauma-informed-practice",
}


def _sources(*sources):
    return [{"type": "source", "value": source} for source in sources]


# The glossary, first term first. Related terms may only point back to earlier terms.
DEFINITIONS = [
    {
        "title": "Trauma-informed practice",
        "short_definition": "Working in a way that recognises how trauma and adversity affect "
        "people, avoids causing further harm, and builds safety, trust, choice and "
        "collaboration for the people we serve and for staff. (Illustrative wording.)",
        "full_text": "<p>Trauma-informed practice is not one programme or technique. It is a "
        "way of working that runs through an organisation: its policies, its buildings, how "
        "staff are supported and how people are spoken to.</p>"
        "<p>The Office for Health Improvement and Disparities' working definition (2022) "
        "describes six principles: safety, trustworthiness, choice, collaboration, "
        "empowerment and cultural consideration.</p>",
        "london_context": "<p>The wording above is illustrative. It stands in for the "
        "definition of trauma-informed practice written for London by the programme, which "
        "links trauma-informed practice with violence reduction and with the experiences of "
        "young people in the city.</p>",
        "sources": _sources(OHID_SOURCE),
        "related": [],
    },
    {
        "title": "Trauma",
        "short_definition": "The lasting effect of an event, series of events or set of "
        "circumstances that a person experiences as harmful or life-threatening.",
        "full_text": "<p>Trauma can follow a single event, such as an assault, or build up "
        "over time, for example through neglect or living with violence. It can affect how "
        "people think, feel, behave and relate to others.</p>",
        "london_context": "<p>In London, many young people who come into contact with "
        "services have experienced violence in their homes or communities.</p>",
        "sources": _sources(OHID_SOURCE),
        "related": ["Trauma-informed practice"],
    },
    {
        "title": "Adverse childhood experiences (ACEs)",
        "short_definition": "Stressful or traumatic experiences in childhood, such as abuse, "
        "neglect or growing up with domestic abuse, that can affect health and wellbeing later "
        "in life.",
        "full_text": "<p>Research has found that the more adverse experiences a child has, "
        "the higher the risk of poor health and other difficulties in adult life. Adverse "
        "experiences are not destiny: safe, stable relationships help children recover.</p>",
        "london_context": "<p>Services in London use an understanding of adverse childhood "
        "experiences to respond with curiosity rather than judgement, without labelling "
        "children by a score.</p>",
        "sources": [],
        "related": ["Trauma"],
    },
    {
        "title": "Re-traumatisation",
        "short_definition": "When a service, setting or interaction reminds someone of past "
        "trauma and causes them to relive its effects.",
        "full_text": "<p>Re-traumatisation can be caused by things services do without "
        "meaning to: restraint, being asked to repeat a painful story, loud or crowded spaces, "
        "or losing control over what happens next.</p>",
        "london_context": "<p>Custody suites, emergency departments and exclusion meetings "
        "are places where London services are working to reduce the risk.</p>",
        "sources": [],
        "related": ["Trauma", "Trauma-informed practice"],
    },
    {
        "title": "Trauma-responsive",
        "short_definition": "Practice that goes beyond understanding trauma to actively change "
        "policies, services and environments in response to it.",
        "full_text": "<p>An organisation may be described as trauma-aware when staff "
        "understand trauma, and trauma-responsive when that understanding has changed how the "
        "organisation actually works.</p>",
        "london_context": "<p>The programme looked at both trauma-informed and "
        "trauma-responsive work across London's sectors.</p>",
        "sources": [],
        "related": ["Trauma-informed practice"],
    },
    {
        "title": "Vicarious trauma",
        "short_definition": "Changes in how a worker sees themselves, others and the world, "
        "caused by repeatedly hearing about or witnessing other people's trauma.",
        "full_text": "<p>Vicarious trauma builds up over time. It is a normal response to "
        "difficult work, not a sign of weakness, and organisations share responsibility for "
        "preventing it.</p>",
        "london_context": "<p>Police officers, health staff, social workers, teachers and "
        "youth workers in London all describe its effects.</p>",
        "sources": [],
        "related": ["Trauma"],
    },
    {
        "title": "Secondary trauma",
        "short_definition": "Stress reactions, similar to those of trauma, that come from "
        "supporting or hearing about someone else's traumatic experience.",
        "full_text": "<p>Secondary trauma can come on suddenly, after a single case or "
        "incident. Support soon afterwards, and the chance to talk, can help.</p>",
        "london_context": "<p>Several London services now check in with staff within a day of "
        "a critical incident.</p>",
        "sources": [],
        "related": ["Vicarious trauma"],
    },
    {
        "title": "Psychological safety",
        "short_definition": "A shared sense that it is safe to speak up, ask questions, admit "
        "mistakes and raise concerns without fear of blame or humiliation.",
        "full_text": "<p>In teams with psychological safety, people learn from mistakes and "
        "raise problems early. It matters for staff and for the people they support.</p>",
        "london_context": "<p>Reflective supervision and supportive leadership help build "
        "psychological safety in London's frontline teams.</p>",
        "sources": [],
        "related": ["Vicarious trauma"],
    },
    {
        "title": "Reflective supervision",
        "short_definition": "Regular, protected time for staff to think about their work, "
        "its effect on them and what they learn, with a trained facilitator.",
        "full_text": "<p>Reflective supervision is different from checking caseloads. It asks "
        "what happened, what it stirred up, what we learn and what we need.</p>",
        "london_context": "<p>Teams across London's councils, health services and policing "
        "have introduced reflective meetings for frontline staff.</p>",
        "sources": [],
        "related": ["Vicarious trauma", "Psychological safety"],
    },
    {
        "title": "Safeguarding",
        "short_definition": "Protecting people's health, wellbeing and rights, and enabling "
        "them to live free from abuse, harm and neglect.",
        "full_text": "<p>Safeguarding is everyone's responsibility. Trauma-informed "
        "safeguarding keeps the person at the centre and explains what is happening and "
        "why.</p>",
        "london_context": "<p>Each London borough has a safeguarding partnership that brings "
        "the council, police and health together.</p>",
        "sources": [],
        "related": ["Trauma-informed practice"],
    },
    {
        "title": "Contextual safeguarding",
        "short_definition": "An approach to safeguarding that responds to harm young people "
        "face outside the home: in neighbourhoods, schools, online and among peers.",
        "full_text": "<p>Contextual safeguarding looks at the places and relationships where "
        "harm happens, and works to make those places safer, rather than only moving young "
        "people away from them.</p>",
        "london_context": "<p>London boroughs use contextual safeguarding to respond to "
        "exploitation and violence in public places.</p>",
        "sources": [],
        "related": ["Safeguarding"],
    },
    {
        "title": "Relational practice",
        "short_definition": "Ways of working that put trusting, consistent relationships at "
        "the centre of support.",
        "full_text": "<p>Relational practice values time spent building relationships, "
        "consistency of worker and being honest and reliable.</p>",
        "london_context": "<p>Key adults in schools and youth workers in hospitals are London "
        "examples of relational practice.</p>",
        "sources": [],
        "related": ["Trauma-informed practice"],
    },
    {
        "title": "Trusted adult",
        "short_definition": "An adult a young person chooses to rely on, who listens, is "
        "consistent and stays involved over time.",
        "full_text": "<p>A trusted adult can be a teacher, youth worker, mentor or family "
        "member. What matters is the young person's choice and the adult's reliability.</p>",
        "london_context": "<p>Many London schools now offer pupils a key adult they choose "
        "themselves.</p>",
        "sources": [],
        "related": ["Relational practice"],
    },
    {
        "title": "Co-production",
        "short_definition": "Designing and delivering services in equal partnership with the "
        "people who use them, sharing power and decisions.",
        "full_text": "<p>Co-production goes further than asking for feedback. It means "
        "people with lived experience shape decisions from the start, and are paid and "
        "supported to do so.</p>",
        "london_context": "<p>The VRU's Young People's Action Group is one way young "
        "Londoners shape the programme.</p>",
        "sources": [],
        "related": ["Relational practice"],
    },
    {
        "title": "Cultural humility",
        "short_definition": "An open, lifelong commitment to learning about other people's "
        "cultures and identities, and to noticing one's own assumptions and power.",
        "full_text": "<p>Cultural humility recognises that people are the experts on their "
        "own culture and experience, and that services can repeat historical harm if they do "
        "not listen.</p>",
        "london_context": "<p>London's diversity makes cultural humility essential in every "
        "sector.</p>",
        "sources": _sources(OHID_SOURCE),
        "related": ["Co-production"],
    },
    {
        "title": "Strengths-based practice",
        "short_definition": "Working with people's strengths, skills and networks, rather "
        "than focusing only on problems and risks.",
        "full_text": "<p>Strengths-based practice asks what is working and what people want, "
        "and builds support around it.</p>",
        "london_context": "<p>Family hubs and early help services across London use "
        "strengths-based conversations.</p>",
        "sources": [],
        "related": ["Co-production", "Relational practice"],
    },
    {
        "title": "Adultification",
        "short_definition": "When children are treated as older, more responsible or less "
        "vulnerable than they are, so that their need for protection is overlooked.",
        "full_text": "<p>Adultification can be influenced by race and other bias, and can "
        "lead to children being treated as offenders rather than as children at risk.</p>",
        "london_context": "<p>Young Londoners have helped train professionals to recognise and "
        "challenge adultification.</p>",
        "sources": [],
        "related": ["Safeguarding", "Cultural humility"],
    },
    {
        "title": "Window of tolerance",
        "short_definition": "The state in which a person can manage their feelings and think "
        "clearly; trauma can make this window narrower.",
        "full_text": "<p>When people are pushed outside their window of tolerance they may "
        "become very agitated or shut down. Calm spaces and predictable routines help people "
        "stay within it.</p>",
        "london_context": "<p>Calm spaces in London schools and quieter areas in custody "
        "suites draw on this idea.</p>",
        "sources": [],
        "related": ["Trauma", "Re-traumatisation"],
    },
    {
        "title": "Public health approach to violence reduction",
        "short_definition": "Treating violence as preventable, by understanding its causes "
        "across a whole population and working with partners to address them.",
        "full_text": "<p>A public health approach looks at the conditions that make violence "
        "more likely, such as adversity and exclusion, and at what protects people, such as "
        "trusted relationships.</p>",
        "london_context": "<p>London's Violence Reduction Unit takes a public health approach, "
        "and sees trauma-informed practice as part of it.</p>",
        "sources": [],
        "related": ["Trauma-informed practice", "Adverse childhood experiences (ACEs)"],
    },
]

FEATURED_DEFINITION = "Trauma-informed practice"

# What the home page features, in order: ("case-study", theme key, variant),
# ("recommendation", title) or ("definition", title).
FEATURED = [
    ("case-study", "emergency-department", 0),
    ("definition", FEATURED_DEFINITION),
    ("recommendation", "Explain what will happen, every time"),
    ("case-study", "co-design", 0),
]

# The programme's five outputs, in the order the home page leads to them: (key, one sentence).
# The keys name pages built elsewhere in the demo (see `site_pages._signpost_pages`).
SIGNPOSTS = [
    (
        "definition",
        "London's definition of trauma-informed practice: what it means for the city's "
        "services, in plain words.",
    ),
    (
        "landscape",
        "Where practice is already shared across London, by sector, driver of change and "
        "borough, and where the gaps are.",
    ),
    (
        "case-studies",
        "Promising practice from policing, health, councils, schools and community "
        "organisations, told by the people who did it.",
    ),
    (
        "roadmap",
        "Four stages on the way to being trauma-informed, with a five-minute self-assessment "
        "to see where your organisation is now.",
    ),
    (
        "recommendations",
        "What people who deliver services, system leaders and the Violence Reduction Unit can "
        "each do next.",
    ),
]
