"""Sectors say for themselves whether their case studies need the safeguarding check.

Until now the check was chosen by the slug of the "Young people's voice" sector, which an
editor could change without knowing; that sector is flagged here. The slug's help text now
says it is fixed once saved.
"""

from django.db import migrations, models

SLUG_HELP = (
    "Identifies the value in links such as /library/?sector=education, which people bookmark "
    "and share, so it cannot change once saved. Reword the name instead."
)


def flag_young_peoples_voice(apps, schema_editor):
    Sector = apps.get_model("casestudies", "Sector")
    Sector.objects.filter(slug="young-peoples-voice").update(needs_safeguarding_review=True)


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0003_text_length_validators"),
    ]

    operations = [
        migrations.AddField(
            model_name="sector",
            name="needs_safeguarding_review",
            field=models.BooleanField(
                default=False,
                help_text="Tick for sectors whose work involves children or young people, "
                "such as young people's voice. A case study filed under this sector, as lead "
                "or partner, then goes through the safeguarding check in moderation before it "
                "is published.",
                verbose_name="needs a safeguarding check",
            ),
        ),
        migrations.RunPython(flag_young_peoples_voice, migrations.RunPython.noop),
    ] + [
        migrations.AlterField(
            model_name=model_name,
            name="slug",
            field=models.SlugField(help_text=SLUG_HELP, max_length=120, unique=True),
        )
        for model_name in ("borough", "driverofchange", "principle", "sector")
    ]
