"""The controlled lists every install starts with.

Boroughs: the 32 London boroughs and the City of London. Sectors: those named in the
programme's research. Principles: the six in the Office for Health Improvement and
Disparities' working definition of trauma-informed practice (2022). Editors can reword and
reorder them later; this only adds what is missing.
"""

from django.db import migrations
from django.utils.text import slugify

BOROUGHS = [
    "Barking and Dagenham",
    "Barnet",
    "Bexley",
    "Brent",
    "Bromley",
    "Camden",
    "City of London",
    "Croydon",
    "Ealing",
    "Enfield",
    "Greenwich",
    "Hackney",
    "Hammersmith and Fulham",
    "Haringey",
    "Harrow",
    "Havering",
    "Hillingdon",
    "Hounslow",
    "Islington",
    "Kensington and Chelsea",
    "Kingston upon Thames",
    "Lambeth",
    "Lewisham",
    "Merton",
    "Newham",
    "Redbridge",
    "Richmond upon Thames",
    "Southwark",
    "Sutton",
    "Tower Hamlets",
    "Waltham Forest",
    "Wandsworth",
    "Westminster",
]

SECTORS = [
    ("Local authorities", "Councils' children's, adult and community services."),
    ("Metropolitan Police Service", "Policing across London's boroughs."),
    ("NHS Integrated Care Boards", "Health services planned and funded by London's five ICBs."),
    ("Education", "Schools, colleges, alternative provision and early years."),
    ("Voluntary and community organisations", "Charities, community groups and faith groups."),
    (
        "Young people's voice",
        "Young people shaping services, including the VRU's Young People's Action Group.",
    ),
]

PRINCIPLES = [
    ("Safety", "People feel physically, psychologically and emotionally safe."),
    ("Trustworthiness", "Decisions are open and people know what to expect."),
    ("Choice", "People have a say in what happens and how."),
    ("Collaboration", "People work alongside those they support, sharing power."),
    ("Empowerment", "People's strengths are recognised and built on."),
    ("Cultural consideration", "Services respond to culture, identity and historical trauma."),
]


def add_values(apps, schema_editor):
    for model_name, values in (
        ("Borough", [(name, "") for name in BOROUGHS]),
        ("Sector", SECTORS),
        ("Principle", PRINCIPLES),
    ):
        model = apps.get_model("casestudies", model_name)
        for order, (name, description) in enumerate(values):
            model.objects.get_or_create(
                slug=slugify(name),
                defaults={"name": name, "description": description, "sort_order": order},
            )


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0001_initial")]

    operations = [migrations.RunPython(add_values, migrations.RunPython.noop)]
