"""Illustrative case studies: practice themes combined with sectors and places.

Every organisation and project here is fictional. Each theme is written once, with a few
sector variants; `case_study_specs()` combines them with London's boroughs in a fixed order,
so every run builds exactly the same case studies.
"""

import datetime

from django.utils.text import slugify

# Sector slugs, as created by the casestudies migrations.
LA = "local-authorities"
MPS = "metropolitan-police-service"
ICB = "nhs-integrated-care-boards"
EDU = "education"
VCO = "voluntary-and-community-organisations"
YPV = "young-peoples-voice"

# Driver of change slugs (see content.DRIVERS).
TRUST = "relationships-and-trust"
WELLBEING = "workforce-wellbeing"
PARTNERSHIP = "shared-leadership-and-partnership"
VOICE = "voice-and-participation"

# Boroughs in the order case studies take them: every borough appears before any repeats.
BOROUGH_ORDER = [
    "lambeth",
    "enfield",
    "newham",
    "barnet",
    "southwark",
    "croydon",
    "hackney",
    "ealing",
    "tower-hamlets",
    "brent",
    "lewisham",
    "haringey",
    "greenwich",
    "hounslow",
    "islington",
    "waltham-forest",
    "wandsworth",
    "barking-and-dagenham",
    "camden",
    "redbridge",
    "bromley",
    "hillingdon",
    "westminster",
    "sutton",
    "harrow",
    "merton",
    "bexley",
    "havering",
    "kingston-upon-thames",
    "hammersmith-and-fulham",
    "richmond-upon-thames",
    "kensington-and-chelsea",
    "city-of-london",
]

EVIDENCE = {
    "self-reported": (
        "<p>The evidence is self-reported. It comes from staff feedback, a short survey of "
        "people who used the service and the team's own records.</p>"
    ),
    "evaluated": (
        "<p>The team evaluated the work themselves, comparing their records from before and "
        "after the change and holding feedback meetings with people who used the service.</p>"
    ),
    "independently-evaluated": (
        "<p>An independent evaluation by a university research team (illustrative) looked at "
        "the records and spoke to staff and to people who used the service.</p>"
    ),
}
EVIDENCE_LEVELS = list(EVIDENCE)

STATUS_NOTES = {
    "pilot": "<p>This is a pilot, so these are early signs rather than firm results.</p>",
    "running": "",
    "completed": "",
}

SHARES = ["3 in 4", "2 in 3", "4 in 5", "7 in 10", "3 in 5", "9 in 10"]

CONTACT_NAMES = ["Project lead", "Practice lead", "Service manager", "Partnership coordinator"]
CONTACT_ROLES = [
    "Lead for trauma-informed practice",
    "Team manager",
    "Practice development lead",
    "Programme coordinator",
]


def _variant(sector, org, **details):
    return {"sector": sector, "org": org, **details}


THEMES = [
    {
        "key": "custody",
        "title": "A calmer first contact in custody{where}",
        "summary": "{Org} worked with {staff} to make the first hours in custody calmer and "
        "clearer for {population}: a quieter booking-in, plain explanations and a named person "
        "to ask.",
        "content_note": "This case study mentions arrest and detention, and people's past "
        "experiences of violence.",
        "challenge": "<p>For many people, arrest is frightening, and a custody suite is loud, "
        "bright and confusing. Staff saw people become more distressed during booking-in, and "
        "some said afterwards that they had not understood what was happening or what their "
        "rights were.</p><p>The team wanted a first contact that lowered the temperature rather "
        "than raised it.</p>",
        "approach": "<p>The team began by asking people with lived experience of custody what "
        "had made things worse and what had helped. Together they agreed three changes:</p>"
        "<ul><li>a short explanation of what happens next, in plain words</li><li>a quieter "
        "space for booking-in whenever one is free</li><li>a named member of staff who checks in "
        "at set times</li></ul><p>{Staff} took part in half-day workshops on how trauma can show "
        "up as anger, silence or confusion, and practised the new explanation together.</p>",
        "outcomes": "<p>In the first {months} months, around {n} people went through the "
        "changed process. Staff reported fewer incidents during booking-in, and more people "
        "accepted support from liaison and diversion services.</p>",
        "learning": "<p>Small, consistent changes mattered more than new facilities. The "
        "explanation worked because staff wrote it themselves and could adapt it.</p>",
        "quote": (
            "Someone told me what was going to happen and when. That made the waiting easier.",
            "a young person",
        ),
        "facts": [("n", "people booked in with the new approach"), ("m", "staff trained")],
        "tip": "Involve staff from every shift early on, including nights.",
        "principles": ["safety", "trustworthiness", "choice"],
        "tags": ["custody", "first contact"],
        "drivers": [TRUST],
        "variants": [
            _variant(
                MPS,
                "Riverside Custody Improvement Group",
                staff="custody officers and detention staff",
                setting="Police custody suite",
                population="Young people aged 10 to 17 brought into custody",
                age_group="young-people",
                partners=[ICB],
            ),
            _variant(
                MPS,
                "Eastgate Police Custody Team",
                staff="custody sergeants and detention officers",
                setting="Police custody suite",
                population="Adults brought into custody",
                age_group="adults",
                partners=[VCO],
            ),
            _variant(
                ICB,
                "Thameside Liaison and Diversion Service",
                staff="liaison and diversion nurses",
                setting="Custody suites across several boroughs",
                population="People in custody with mental health needs",
                age_group="adults",
                partners=[MPS],
                london_wide=True,
            ),
            _variant(
                VCO,
                "Northbank Appropriate Adult Scheme",
                staff="volunteer appropriate adults",
                setting="Police custody suite",
                population="Children and young people in custody",
                age_group="young-people",
                partners=[MPS, LA],
            ),
        ],
    },
    {
        "key": "emergency-department",
        "title": "Youth workers in the emergency department{where}",
        "summary": "{Org} placed {staff} in {department} so that {population_lower} meet a "
        "trusted adult at a moment when they may be ready to talk, with support that carries on "
        "after they leave.",
        "content_note": "This case study refers to young people treated in hospital after "
        "violence, including stabbings.",
        "challenge": "<p>Hospital staff saw the same young people return with injuries. "
        "Clinical care was good, but nobody had time to talk about what was happening in their "
        "lives, and referrals made after discharge were rarely taken up.</p>",
        "approach": "<p>{Staff} are based in the department at the busiest times, evenings and "
        "weekends. They introduce themselves once the young person is medically stable, ask "
        "what would help, and respect a 'no'.</p><p>Where a young person agrees, the same worker "
        "keeps in touch for up to twelve weeks after discharge and helps with school, housing or "
        "family contact. Clinical staff took part in short briefings on how to introduce the "
        "service.</p>",
        "outcomes": "<p>In the first {months} months, {n} young people were offered support and "
        "{share} of them took it up. Clinical staff said they felt more confident talking to "
        "young people about safety.</p>",
        "learning": "<p>The moment in hospital matters, but it is short. The relationship only "
        "lasted when the same worker carried on afterwards.</p>",
        "quote": (
            "She came back the next week like she said she would. Nobody had done that before.",
            "a young person",
        ),
        "facts": [("n", "young people offered support"), ("share", "took up the offer")],
        "tip": "Agree how information will be shared with the hospital before the first shift.",
        "principles": ["safety", "trustworthiness", "empowerment"],
        "tags": ["youth work", "hospital"],
        "drivers": [TRUST, PARTNERSHIP],
        "variants": [
            _variant(
                ICB,
                "Southfield Hospital Youth Work Partnership",
                staff="hospital-based youth workers",
                department="a hospital emergency department",
                setting="Hospital emergency department",
                population="Young people aged 11 to 25 attending with injuries",
                age_group="young-people",
                partners=[VCO],
            ),
            _variant(
                ICB,
                "Westway Major Trauma Centre Youth Service",
                staff="youth workers and play specialists",
                department="a major trauma centre",
                setting="Major trauma centre",
                population="Young people admitted after violence",
                age_group="young-adults",
                partners=[VCO, LA],
            ),
            _variant(
                VCO,
                "Kingsbridge Youth Trust",
                staff="youth workers from a local charity",
                department="the local emergency department",
                setting="Local emergency department",
                population="Young people aged 11 to 25 with injuries",
                age_group="young-people",
                partners=[ICB],
            ),
            _variant(
                VCO,
                "Millbrook Youth Collective",
                staff="detached youth workers",
                department="two urgent treatment centres",
                setting="Two urgent treatment centres",
                population="Young people and their families",
                age_group="young-people",
                partners=[ICB, MPS],
            ),
        ],
    },
    {
        "key": "relational-schools",
        "title": "Relational practice to reduce exclusions{where}",
        "summary": "{Org} helped {staff} treat behaviour as communication, with key adults, calm "
        "spaces and restorative conversations, so that pupils could stay in learning.",
        "challenge": "<p>Exclusions were rising, and the pupils most often excluded were those "
        "known to have faced adversity at home or in the community. Staff felt they had few "
        "options other than sanctions, and pupils said nobody asked why things had gone "
        "wrong.</p>",
        "approach": "<p>Every pupil at risk of exclusion was offered a key adult: a member of "
        "staff they chose, who checks in with them each day. {Staff} took part in training on "
        "how stress and trauma affect behaviour and learning, followed by termly reflective "
        "meetings.</p><p>Behaviour policies were rewritten with pupils and parents, moving from "
        "sanctions alone to repair: a restorative conversation after an incident, and a calm "
        "space to go to before things escalate.</p>",
        "outcomes": "<p>In the first {months} months, {n} pupils had a key adult. Exclusions "
        "among them fell, and {share} said there was an adult at school they trusted.</p>",
        "learning": "<p>Training on its own changed little. What made the difference was "
        "leaders protecting time for key adults and backing staff when a restorative approach "
        "took longer.</p>",
        "quote": (
            "My key adult doesn't just tell me off. She asks what happened first.",
            "a pupil",
        ),
        "facts": [("n", "pupils with a key adult"), ("m", "staff trained")],
        "tip": "Give key adults protected time in the timetable from the start.",
        "principles": ["safety", "collaboration", "empowerment"],
        "tags": ["school exclusion", "key adults", "restorative practice"],
        "drivers": [TRUST],
        "variants": [
            _variant(
                EDU,
                "Hillcrest Secondary School",
                staff="teachers and pastoral staff",
                setting="Secondary school",
                population="Pupils at risk of exclusion",
                age_group="young-people",
            ),
            _variant(
                EDU,
                "Greenway Primary Federation",
                staff="teachers and teaching assistants",
                setting="Three primary schools",
                population="Pupils in Years 5 and 6",
                age_group="children",
                partners=[LA],
            ),
            _variant(
                LA,
                "Brookside Inclusion Service",
                staff="school staff and the council's inclusion team",
                setting="Secondary schools across the borough",
                population="Pupils at risk of exclusion",
                age_group="young-people",
                partners=[EDU],
            ),
            _variant(
                EDU,
                "Oakfield Alternative Provision Academy",
                staff="teachers and mentors",
                setting="Alternative provision school",
                population="Young people in alternative provision",
                age_group="young-people",
                partners=[VCO],
            ),
        ],
    },
    {
        "key": "reflective-supervision",
        "title": "Reflective supervision for {staff}{where}",
        "summary": "{Org} gave {staff} protected time for reflective supervision, so that they "
        "could make sense of difficult work, notice its effect on them and stay well in their "
        "roles.",
        "challenge": "<p>{Staff} were working with a high level of distress every day. "
        "Supervision had become a check on caseloads, and people said there was no space to "
        "talk about how the work was affecting them. Sickness absence and turnover were "
        "rising.</p>",
        "approach": "<p>The team introduced monthly reflective meetings in small groups, led by "
        "trained facilitators from outside the line-management chain. Each meeting follows a "
        "simple structure: what happened, what it stirred up, what we learn and what we "
        "need.</p><p>Managers were trained first, so that they could model the approach and "
        "protect the time when workloads were high.</p>",
        "outcomes": "<p>In the first {months} months, {m} staff took part. In a short survey, "
        "{share} said they felt better able to cope with the emotional demands of the role, and "
        "managers noticed more open conversations about wellbeing.</p>",
        "learning": "<p>Protecting the time was the hardest part. Meetings cancelled for "
        "operational reasons sent a message that wellbeing came second.</p>",
        "quote": (
            "It's the one hour in the month where I can say how the job actually feels.",
            "a member of staff",
        ),
        "facts": [("m", "staff taking part"), ("share", "felt better able to cope")],
        "tip": "Train managers first, so that they protect the time when things get busy.",
        "principles": ["safety", "trustworthiness", "collaboration"],
        "tags": ["staff wellbeing", "supervision"],
        "drivers": [WELLBEING],
        "variants": [
            _variant(
                LA,
                "Northbank Children's Social Care",
                staff="social workers",
                setting="Children's social care teams",
                population="Social workers and family support workers",
                age_group="adults",
            ),
            _variant(
                MPS,
                "Parkside Response Policing Team",
                staff="response officers",
                setting="Response policing team",
                population="Police officers and staff",
                age_group="adults",
            ),
            _variant(
                ICB,
                "Meadowbank Community Mental Health Team",
                staff="community mental health nurses",
                setting="Community mental health teams",
                population="Mental health staff",
                age_group="adults",
            ),
            _variant(
                VCO,
                "Kingsmead Youth Network",
                staff="youth workers",
                setting="Youth clubs and detached youth work",
                population="Youth workers and volunteers",
                age_group="adults",
                partners=[LA],
            ),
        ],
    },
    {
        "key": "critical-incidents",
        "title": "Support for {staff} after critical incidents{where}",
        "summary": "{Org} set up a consistent way to support {staff} after a critical incident: "
        "a check-in within a day, a follow-up a few weeks later and easy routes to further "
        "help.",
        "content_note": "This case study mentions serious incidents, including deaths, and "
        "their effect on staff.",
        "challenge": "<p>After serious incidents, the support people received depended on who "
        "their manager was. Some were offered help straight away; others went back to work the "
        "next day without anyone asking how they were. Staff described feeling alone with what "
        "they had seen.</p>",
        "approach": "<p>The team agreed a simple, consistent response. Within a day, a trained "
        "colleague checks in with everyone involved. A few weeks later there is a follow-up "
        "conversation, and anyone who needs more is helped to reach occupational health or "
        "counselling quickly.</p><p>Nobody is made to talk: the emphasis is on choice, practical "
        "help and knowing that support is there.</p>",
        "outcomes": "<p>In the first {months} months, the approach was used after {k} "
        "incidents. {share} staff who were offered a check-in said it helped, and more people "
        "used counselling early rather than at crisis point.</p>",
        "learning": "<p>Peer supporters needed supervision of their own. Without it, the people "
        "offering support began to carry too much themselves.</p>",
        "quote": (
            "Someone rang me the next morning. I didn't need much, but I needed that.",
            "a member of staff",
        ),
        "facts": [("k", "incidents followed up"), ("share", "said the check-in helped")],
        "tip": "Give peer supporters their own supervision from day one.",
        "principles": ["safety", "choice"],
        "tags": ["staff wellbeing", "critical incidents", "peer support"],
        "drivers": [WELLBEING],
        "variants": [
            _variant(
                MPS,
                "Riverside Police Wellbeing Team",
                staff="police officers and staff",
                setting="Policing teams across a command area",
                population="Officers and police staff",
                age_group="adults",
            ),
            _variant(
                EDU,
                "Elmstead Schools Partnership",
                staff="school staff",
                setting="Primary and secondary schools",
                population="Teachers and support staff",
                age_group="adults",
                partners=[LA],
            ),
            _variant(
                ICB,
                "Fairlawn Primary Care Network",
                staff="GP practice teams",
                setting="GP practices",
                population="Clinical and reception staff",
                age_group="adults",
            ),
            _variant(
                LA,
                "Ashgrove Youth Justice Service",
                staff="youth justice workers",
                setting="Youth justice service",
                population="Youth justice staff",
                age_group="adults",
                partners=[MPS],
            ),
        ],
    },
    {
        "key": "co-design",
        "title": "Young people co-design {service}{where}",
        "summary": "{Org} worked with {population_lower} as paid co-designers of {service}, "
        "from the first planning meeting to choosing staff and reviewing how it works.",
        "challenge": "<p>Services for young people were mostly designed by adults. Young people "
        "said they felt 'done to': they were asked for feedback at the end, when decisions had "
        "already been made, and rarely heard what happened next.</p>",
        "approach": "<p>A group of young people was recruited, trained and paid for their time. "
        "They set the questions, visited other services and sat on the panel that chose "
        "staff.</p><p>{Staff} agreed in advance which decisions young people would make "
        "themselves and which they would shape, so that nobody was misled about their "
        "influence. Every meeting ended with 'you said, we did'.</p>",
        "outcomes": "<p>Over {months} months, {k} young people took part. The service's opening "
        "hours, location and name all changed because of their advice, and {share} of the group "
        "said they felt listened to.</p>",
        "learning": "<p>Paying young people, and being honest about the limits of their "
        "influence, built more trust than any promise of 'full co-production'.</p>",
        "quote": (
            "They actually changed the opening times because of what we said.",
            "a young co-designer",
        ),
        "facts": [("k", "young co-designers"), ("share", "felt listened to")],
        "tip": "Say clearly which decisions young people will make and which they will shape.",
        "principles": ["collaboration", "empowerment", "choice"],
        "tags": ["co-production", "youth voice"],
        "drivers": [VOICE],
        "variants": [
            _variant(
                YPV,
                "Northbank Young Advisers",
                service="a youth hub",
                staff="youth workers",
                setting="Youth hub",
                population="Young people aged 14 to 21",
                age_group="young-people",
                partners=[LA],
            ),
            _variant(
                YPV,
                "London Young Reviewers Collective",
                service="a mental health support service",
                staff="clinicians",
                setting="Community mental health services",
                population="Young people with experience of mental health services",
                age_group="young-adults",
                partners=[ICB],
                london_wide=True,
            ),
            _variant(
                LA,
                "Eastgate Youth Service",
                service="the borough's youth offer",
                staff="council officers",
                setting="Youth centres and outreach",
                population="Young people aged 13 to 19",
                age_group="young-people",
                partners=[YPV],
            ),
            _variant(
                ICB,
                "Thameside Integrated Care Partnership",
                service="a young people's mental health pathway",
                staff="commissioners and clinicians",
                setting="Mental health services for young people",
                population="Young people aged 16 to 25",
                age_group="young-adults",
                partners=[YPV, VCO],
            ),
        ],
    },
    {
        "key": "welcome",
        "title": "A trauma-informed welcome at {place_of_welcome}{where}",
        "summary": "{Org} looked again at the first minutes of contact at {place_of_welcome}, "
        "from the entrance and waiting area to the first conversation, so that "
        "{population_lower} feel safe, respected and in control.",
        "challenge": "<p>People said the building felt official and unwelcoming: security "
        "screens, long forms at reception, and being asked to tell their story several times. "
        "Some said they nearly walked out before anyone had spoken to them.</p>",
        "approach": "<p>Staff and people who use the service walked through the building "
        "together and noted what felt unsafe or confusing. Small changes followed: softer "
        "lighting, clear signs, a quieter corner for families who need it, and forms completed "
        "later, with help.</p><p>{Staff} agreed a welcome that starts with 'what would help "
        "today?' rather than 'what is the problem?', and they now ask permission before sharing "
        "anyone's story with other services.</p>",
        "outcomes": "<p>In the first {months} months, about {n} families used the service. "
        "Complaints about reception fell, and {share} parents in a feedback survey said they "
        "felt welcome on their first visit.</p>",
        "learning": "<p>Walking through the building with the people who use it cost very "
        "little and changed the conversation. Staff saw the space through new eyes.</p>",
        "quote": (
            "I didn't have to explain everything at the desk. They just asked what would help.",
            "a parent",
        ),
        "facts": [("n", "families welcomed"), ("share", "felt welcome on their first visit")],
        "tip": "Walk through the building with parents before changing anything.",
        "principles": ["safety", "choice", "cultural-consideration"],
        "tags": ["first contact", "environment"],
        "drivers": [TRUST, VOICE],
        "variants": [
            _variant(
                LA,
                "Southfield Family Hub",
                place_of_welcome="a family hub",
                staff="family hub staff",
                setting="Family hub",
                population="Parents and carers",
                age_group="families",
            ),
            _variant(
                LA,
                "Brookside Housing Options Service",
                place_of_welcome="a housing advice centre",
                staff="housing officers",
                setting="Housing advice centre",
                population="Families facing homelessness",
                age_group="families",
                partners=[VCO],
            ),
            _variant(
                ICB,
                "Parkside Health Visiting Service",
                place_of_welcome="child health clinics",
                staff="health visitors",
                setting="Child health clinics",
                population="Parents of babies and young children",
                age_group="families",
                partners=[LA],
            ),
            _variant(
                VCO,
                "Cedar Road Community Centre",
                place_of_welcome="a community centre",
                staff="staff and volunteers",
                setting="Community centre",
                population="Families new to the area",
                age_group="families",
                partners=[LA],
            ),
        ],
    },
    {
        "key": "training-together",
        "title": "Training together: {partnership}{where}",
        "summary": "{Org} brought {staff} together for the same trauma-informed training, so "
        "that people who work with the same families share a language, understand each other's "
        "roles and agree how to work together.",
        "challenge": "<p>Each organisation had run its own training on trauma and adversity. "
        "The content was similar, but staff rarely met colleagues from other services, and "
        "families still met a system that did not join up.</p>",
        "approach": "<p>A small group from each organisation designed one programme together, "
        "with young people and parents advising on the content. Workshops are deliberately mixed: "
        "people from different services sit in the same small group and work on the same case "
        "example.</p><p>Each workshop ends with a practical agreement, for example how a school "
        "and a police team will share a concern about a young person.</p>",
        "outcomes": "<p>In the first {months} months, {m} staff from across the partnership "
        "were trained. {share} said they now know who to contact in other services, and joint "
        "meetings became more focused on what families need.</p>",
        "learning": "<p>Mixed groups were harder to organise but worth it. The relationships "
        "formed in training outlasted the training itself.</p>",
        "quote": (
            "I'd never sat down with a police officer and talked about the same child before.",
            "a youth worker",
        ),
        "facts": [("m", "staff trained together"), ("share", "know who to contact elsewhere")],
        "tip": "Mix the groups on purpose, even when it makes scheduling harder.",
        "principles": ["collaboration", "trustworthiness"],
        "tags": ["training", "multi-agency working"],
        "drivers": [PARTNERSHIP, WELLBEING],
        "variants": [
            _variant(
                LA,
                "Westway Safeguarding Partnership",
                partnership="council, health and voluntary services",
                staff="social workers, health staff and voluntary sector workers",
                setting="Borough safeguarding partnership",
                population="Staff across the partnership",
                age_group="adults",
                partners=[ICB, VCO],
            ),
            _variant(
                MPS,
                "Larkfield Neighbourhood Policing Team",
                partnership="police, schools and youth services",
                staff="neighbourhood officers, teachers and youth workers",
                setting="Neighbourhood policing and schools",
                population="Staff who work with young people",
                age_group="adults",
                partners=[EDU, VCO],
            ),
            _variant(
                EDU,
                "Kingsmead Schools Alliance",
                partnership="schools and children's services",
                staff="teachers, school nurses and social workers",
                setting="Schools",
                population="School and children's services staff",
                age_group="adults",
                partners=[LA, ICB],
            ),
            _variant(
                VCO,
                "Riverside Voluntary Action Network",
                partnership="community groups and public services",
                staff="community group leaders and public service staff",
                setting="Community organisations",
                population="Community and public service staff",
                age_group="adults",
                partners=[LA, MPS],
                london_wide=True,
            ),
        ],
    },
    {
        "key": "letters",
        "title": "Rewriting {letters}{where}",
        "summary": "{Org} rewrote {letters} with the people who receive them, replacing jargon "
        "and warnings with plain words, a named contact and a clear choice about what happens "
        "next.",
        "challenge": "<p>People said that {letters} made them anxious before they had met "
        "anyone. The tone was formal, the important information was hidden, and warnings about "
        "missed appointments came before any explanation of what the service offered.</p>",
        "approach": "<p>{Staff} read a sample of letters aloud with a group of people who had "
        "received them, and noted how each line made them feel. The group then rewrote the "
        "templates together.</p><p>The new versions start with why we are writing, name a "
        "person to contact, explain choices in plain words and move formal wording to the "
        "end.</p>",
        "outcomes": "<p>In the first {months} months, the new letters went to around {n} "
        "people. More people replied or attended, and {share} of those asked said the letter "
        "was clear and respectful.</p>",
        "learning": "<p>Rewriting letters is quick, cheap and visible. It is also a good first "
        "step: it shows people that their experience of the service matters.</p>",
        "quote": ("It reads like it was written to a person, not a case number.", "a parent"),
        "facts": [("n", "people received the new letters"), ("share", "found them clear")],
        "tip": "Read the old letters aloud together before rewriting a word.",
        "principles": ["trustworthiness", "choice", "cultural-consideration"],
        "tags": ["plain English", "letters"],
        "drivers": [TRUST, VOICE],
        "variants": [
            _variant(
                ICB,
                "Oakfield Community Health Services",
                letters="appointment letters",
                staff="clinic administrators and clinicians",
                setting="Community health clinics",
                population="Patients and families",
                age_group="all-ages",
            ),
            _variant(
                LA,
                "Northbank Children's Services",
                letters="child protection conference letters",
                staff="social workers and conference chairs",
                setting="Children's social care",
                population="Parents and carers",
                age_group="families",
                partners=[VCO],
            ),
            _variant(
                MPS,
                "Eastgate Victim Care Unit",
                letters="letters to victims of crime",
                staff="officers and victim care staff",
                setting="Police victim care unit",
                population="People who have reported a crime",
                age_group="adults",
                partners=[VCO],
            ),
            _variant(
                YPV,
                "Young Editors Group",
                letters="letters to young people",
                staff="young editors and service managers",
                setting="Youth and health services",
                population="Young people who receive letters from services",
                age_group="young-people",
                partners=[LA, ICB],
                london_wide=True,
            ),
        ],
    },
    {
        "key": "safer-places",
        "title": "Making {context} safer{where}",
        "summary": "{Org} looked beyond individual young people to the places where harm "
        "happens, working with businesses, transport staff and residents to make {context} "
        "safer.",
        "content_note": "This case study mentions the exploitation of young people and violence "
        "in public places.",
        "challenge": "<p>Young people told staff that {context} did not feel safe, and some "
        "were being harmed or exploited there. Services had responded one young person at a time, but the same places kept coming up, "
        "and moving young people away did not make the place any safer for others.</p>",
        "approach": "<p>{Staff} mapped where young people felt safe and unsafe, using walks "
        "through the area and young people's own maps. Partners then agreed changes to the "
        "place itself: better lighting, trusted adults at key times, and training for shop and "
        "transport staff on how to help a young person in distress.</p><p>Plans are reviewed in "
        "a monthly meeting about the place, not about individual young people.</p>",
        "outcomes": "<p>Over {months} months, {m} local workers, from shop staff to bus "
        "drivers, were briefed on how to help. {share} young people in a follow-up survey said "
        "they felt safer in the area.</p>",
        "learning": "<p>Young people knew exactly which corners felt unsafe and why. Their maps "
        "were more useful than any crime data on its own.</p>",
        "quote": (
            "They asked us where we felt safe. No one had asked that before.",
            "a young person",
        ),
        "facts": [("m", "local workers briefed"), ("share", "young people felt safer")],
        "tip": "Start with young people's own maps of the area.",
        "principles": ["safety", "collaboration"],
        "tags": ["contextual safeguarding", "exploitation"],
        "drivers": [PARTNERSHIP],
        "variants": [
            _variant(
                LA,
                "Parkside Contextual Safeguarding Team",
                context="the town centre",
                staff="the council's contextual safeguarding team",
                setting="Town centre",
                population="Young people who spend time in the town centre",
                age_group="young-people",
                partners=[MPS, VCO],
            ),
            _variant(
                MPS,
                "Hillcrest Safer Neighbourhoods Team",
                context="the park and the estate next to it",
                staff="safer neighbourhood officers and youth workers",
                setting="Park and housing estate",
                population="Young people and residents",
                age_group="young-people",
                partners=[LA, VCO],
            ),
            _variant(
                VCO,
                "Marshside Detached Youth Project",
                context="the high street and bus station",
                staff="detached youth workers",
                setting="High street and bus station",
                population="Young people aged 12 to 18",
                age_group="young-people",
                partners=[LA],
            ),
            _variant(
                EDU,
                "Greenway Secondary School",
                context="the journey to school",
                staff="school staff and local partners",
                setting="Routes to and from school",
                population="Pupils travelling to and from school",
                age_group="young-people",
                partners=[MPS, LA],
            ),
        ],
    },
    {
        "key": "transition",
        "title": "Support for the move to secondary school{where}",
        "summary": "{Org} offered {population_lower} extra support through the move to "
        "secondary school: early visits, a named adult and small-group work on change, "
        "friendship and feeling safe.",
        "challenge": "<p>The move from primary to secondary school is a big change for every "
        "child. For children who have faced adversity, it can feel overwhelming, and staff saw "
        "attendance and wellbeing drop in the first term.</p>",
        "approach": "<p>Primary schools identified children in the summer term of Year 6, with "
        "their families' agreement. Each child met their named adult at the new school before "
        "the summer, visited in a small group, and took part in six small-group meetings on change, "
        "friendship and feeling safe.</p><p>{Staff} shared what helped each child, in the "
        "child's own words, so that nobody had to start from scratch.</p>",
        "outcomes": "<p>Over {months} months, {n} children took part. Attendance in the first "
        "term was higher than for similar children in earlier years, and {share} parents "
        "said their child had settled well.</p>",
        "learning": "<p>The one-page profile in the child's own words was the most valued part. "
        "Secondary school staff used it long after the first week.</p>",
        "quote": ("I already knew who to go to on the first day.", "a Year 7 pupil"),
        "facts": [("n", "children supported"), ("share", "parents said their child settled well")],
        "tip": "Write the one-page profile with the child, in their words.",
        "principles": ["safety", "empowerment"],
        "tags": ["transition", "primary school"],
        "drivers": [TRUST],
        "variants": [
            _variant(
                EDU,
                "Ashgrove Learning Trust",
                staff="primary and secondary school staff",
                setting="Primary and secondary schools",
                population="Children who find change hard",
                age_group="children",
            ),
            _variant(
                EDU,
                "Southfield Primary School",
                staff="the school's pastoral team",
                setting="Primary school",
                population="Year 6 pupils",
                age_group="children",
                partners=[LA],
            ),
            _variant(
                VCO,
                "Bridgewater Mentoring Project",
                staff="volunteer mentors and school staff",
                setting="Primary and secondary schools",
                population="Children referred by their primary school",
                age_group="children",
                partners=[EDU],
            ),
            _variant(
                LA,
                "Fairlawn Early Help Service",
                staff="early help workers and school staff",
                setting="Schools and family homes",
                population="Children known to early help",
                age_group="children",
                partners=[EDU],
            ),
        ],
    },
    {
        "key": "young-trainers",
        "title": "Young people train {trainees}{where}",
        "summary": "{Org} supports young people to design and deliver training for {trainees}, "
        "sharing what helps and what harms when services respond to young people who have faced "
        "adversity.",
        "challenge": "<p>Young people said that some professionals made assumptions about them, "
        "talked over them or treated them as older than they were. Training about young people "
        "was usually delivered without them.</p>",
        "approach": "<p>A group of young people, paid for their time, worked with a youth "
        "worker to design a workshop based on their own experiences, shared only as far as they "
        "chose. They practised together, agreed ground rules and had a debrief after every "
        "workshop.</p><p>{Trainees} took part in small groups, with time for questions and a "
        "commitment to one change in their own practice.</p>",
        "outcomes": "<p>Over {months} months, {k} young trainers delivered workshops to {m} "
        "{trainees}. {share} said the workshop would change how they speak to young people, and "
        "the young trainers said they grew in confidence.</p>",
        "learning": "<p>Debriefs and paid time mattered. Young trainers should never have to "
        "retell painful experiences to be heard.</p>",
        "quote": ("We got to say what it's actually like. They listened.", "a young trainer"),
        "facts": [("m", "professionals trained"), ("k", "young trainers")],
        "tip": "Debrief with young trainers after every single workshop.",
        "principles": ["empowerment", "collaboration", "cultural-consideration"],
        "tags": ["youth voice", "training", "adultification"],
        "drivers": [VOICE],
        "variants": [
            _variant(
                YPV,
                "London Young Trainers Collective",
                trainees="police officers",
                staff="young trainers",
                setting="Police training",
                population="Young people with experience of police contact",
                age_group="young-adults",
                partners=[MPS],
                london_wide=True,
            ),
            _variant(
                YPV,
                "Eastgate Youth Voice Forum",
                trainees="health staff",
                staff="young trainers",
                setting="Hospital and community health teams",
                population="Young people aged 15 to 21",
                age_group="young-people",
                partners=[ICB],
            ),
            _variant(
                YPV,
                "Riverside Young People's Panel",
                trainees="youth justice staff",
                staff="young trainers",
                setting="Youth justice services",
                population="Young people with experience of youth justice",
                age_group="young-people",
                partners=[LA],
            ),
            _variant(
                EDU,
                "Oakfield College",
                trainees="college staff",
                staff="student trainers",
                setting="Further education college",
                population="Students aged 16 to 19",
                age_group="young-adults",
                partners=[YPV],
            ),
        ],
    },
    {
        "key": "community-response",
        "title": "A community response after serious violence{where}",
        "summary": "{Org} coordinated a calm, community-led response after serious violence, "
        "so that people affected had somewhere to go, someone to talk to and accurate "
        "information.",
        "content_note": "This case study refers to serious violence, including a fatal "
        "stabbing, and its effect on a community.",
        "challenge": "<p>After serious violence, communities often feel shock, fear and anger. "
        "In the past the response had been led by services, rumours spread quickly online, and "
        "people who were affected did not know where to turn.</p>",
        "approach": "<p>{Staff} agreed a simple plan in advance: who opens a safe space, who "
        "shares information, and how to reach the young people and families most affected. "
        "After an incident, a drop-in opens within a day, with trained listeners and practical "
        "help.</p><p>Police and council partners share accurate information through trusted "
        "community voices, and a meeting a month later asks people what they still need.</p>",
        "outcomes": "<p>Over {months} months, the plan was used after {k} incidents and about "
        "{n} people came to the drop-ins. Partners said information was more accurate and "
        "tensions eased sooner.</p>",
        "learning": "<p>Agreeing the plan before anything happened was essential. In a crisis, "
        "the relationships that already exist are the ones that work.</p>",
        "quote": (
            "We needed somewhere to be together, and someone who knew what to do.",
            "a community member",
        ),
        "facts": [("n", "people came to the drop-ins"), ("k", "incidents responded to")],
        "tip": "Agree who does what before anything happens.",
        "principles": ["safety", "collaboration", "cultural-consideration"],
        "tags": ["community response", "serious violence"],
        "drivers": [PARTNERSHIP, VOICE],
        "variants": [
            _variant(
                VCO,
                "Kingsbridge Community Alliance",
                staff="community leaders and youth workers",
                setting="Community centres and places of worship",
                population="Young people, families and residents",
                age_group="all-ages",
                partners=[MPS, LA],
            ),
            _variant(
                VCO,
                "Millbrook Faith and Community Network",
                staff="faith leaders and volunteers",
                setting="Places of worship",
                population="Residents affected by violence",
                age_group="all-ages",
                partners=[LA],
            ),
            _variant(
                MPS,
                "Westway Neighbourhood Policing Team",
                staff="neighbourhood officers and community partners",
                setting="Local neighbourhood",
                population="Residents and young people",
                age_group="all-ages",
                partners=[VCO, LA],
            ),
            _variant(
                YPV,
                "Young Londoners Peer Network",
                staff="young peer supporters",
                setting="Youth centres and online",
                population="Young people affected by violence",
                age_group="young-people",
                partners=[VCO],
                london_wide=True,
            ),
        ],
    },
]


def _capitalise(text):
    return text[:1].upper() + text[1:]


def _with_article(name):
    """'Eastgate Youth Service' -> 'The Eastgate Youth Service'; schools keep their name."""
    return name if name.endswith(("School", "College")) else f"The {name}"


def _lower_first(text):
    """'Young people aged 10 to 17' -> 'young people aged 10 to 17'; keeps 'Year 6' as is."""
    return text if text.startswith("Year ") else text[:1].lower() + text[1:]


def _place_name(slug):
    """'barking-and-dagenham' -> 'Barking and Dagenham'; the City of London keeps 'the'."""
    if slug == "city-of-london":
        return "the City of London"
    small = {"and", "upon"}
    return " ".join(w if w in small else w.capitalize() for w in slug.split("-"))


def _add_months(day, months):
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, 1)


def _dates(i):
    """Status, start and end dates that agree with each other."""
    status = ["completed", "running", "completed", "pilot", "running"][i % 5]
    months = 6 + (i * 7) % 19
    if status == "completed":
        started = datetime.date(2019 + i % 4, 1 + (i * 5) % 12, 1)
        return status, started, _add_months(started, months + 6), months
    if status == "running":
        return status, datetime.date(2022 + i % 3, 1 + (i * 5) % 12, 1), None, months
    return status, datetime.date(2025, 1 + i % 9, 1), None, min(months, 9)


def case_study_specs():
    """Every demo case study as a plain dict, in the order they are created.

    Themes are taken one variant at a time (the first variant of every theme, then the
    second, ...), so the library mixes themes and sectors, and each later variant can point
    back to the first variant of its theme as related practice.
    """
    specs = []
    boroughs = iter(BOROUGH_ORDER * 3)
    variant_count = max(len(theme["variants"]) for theme in THEMES)
    for v in range(variant_count):
        for theme in THEMES:
            if v >= len(theme["variants"]):
                continue
            i = len(specs)
            variant = theme["variants"][v]
            if variant.get("london_wide"):
                where, place, places = " across London", "London", []
            else:
                places = [next(boroughs)]
                if i % 4 == 1:
                    places.append(next(boroughs))
                place = _place_name(places[0])
                where = f" in {place}"
            status, started, ended, months = _dates(i)
            words = {
                **variant,
                "where": where,
                "place": place,
                "Org": _with_article(variant["org"]),
                "Staff": _capitalise(variant["staff"]),
                "Trainees": _capitalise(variant.get("trainees", "")),
                "setting_lower": _lower_first(variant["setting"]),
                "population_lower": _lower_first(variant["population"]),
                "n": 24 + (i * 37) % 150,
                "m": 12 + (i * 23) % 90,
                "k": 4 + (i * 5) % 9,
                "months": months,
                "share": SHARES[i % len(SHARES)],
            }
            title = theme["title"].format(**words)
            summary = theme["summary"].format(**words)
            evidence_level = EVIDENCE_LEVELS[i % 3]
            outcomes = STATUS_NOTES[status] + theme["outcomes"].format(**words)
            body = []
            if i % 3 == 0:
                facts = [
                    {"figure": str(words[key]), "label": label} for key, label in theme["facts"]
                ]
                facts.append({"figure": str(months), "label": "months of practice described"})
                body.append(
                    {"type": "key_facts", "value": {"heading": "Key facts", "facts": facts}}
                )
            if i % 5 == 0:
                text, attribution = theme["quote"]
                body.append(
                    {
                        "type": "quote",
                        "value": {"text": text, "attribution": attribution, "consent": True},
                    }
                )
            if i % 7 == 3:
                body.append(
                    {
                        "type": "call_out",
                        "value": {
                            "heading": "What we would do differently",
                            "text": f"<p>{theme['tip']}</p>",
                        },
                    }
                )
            contact = {}
            if i % 2 == 0:
                contact = {
                    "contact_name": CONTACT_NAMES[(i // 2) % 4],
                    "contact_role": CONTACT_ROLES[(i // 2) % 4],
                    "contact_email": f"{slugify(variant['org'])}@example.org",
                    "contact_consent": i % 4 == 0,
                }
            drivers = list(theme["drivers"])
            if variant["sector"] == YPV and VOICE not in drivers:
                drivers.append(VOICE)
            spec = {
                "key": (theme["key"], v),
                "title": title,
                "slug": slugify(title),
                "summary": summary,
                "organisation": f"{variant['org']} (illustrative)",
                "lead_sector": variant["sector"],
                "partner_sectors": variant.get("partners", []),
                "boroughs": places,
                "drivers": drivers,
                "principles": theme["principles"],
                "tags": theme["tags"],
                "population": variant["population"],
                "age_group": variant["age_group"],
                "setting": variant["setting"],
                "content_note": theme.get("content_note", ""),
                "challenge": theme["challenge"].format(**words),
                "approach": theme["approach"].format(**words),
                "outcomes": outcomes,
                "learning": EVIDENCE[evidence_level] + theme["learning"].format(**words),
                "evidence_level": evidence_level,
                "status": status,
                "started": started,
                "ended": ended,
                "body": body,
                "image": i % 2 == 1,
                "related": [(theme["key"], 0)] if v == 1 else [],
                **contact,
            }
            specs.append(spec)
    _check(specs)
    return specs


def _check(specs):
    titles = [spec["title"] for spec in specs]
    duplicates = {title for title in titles if titles.count(title) > 1}
    if duplicates:
        raise ValueError(f"Case study titles must be unique: {sorted(duplicates)}")
    for spec in specs:
        if len(spec["summary"]) > 300:
            raise ValueError(f"Summary too long ({len(spec['summary'])}): {spec['title']}")
