"""Email alert subscriptions."""

import django.db.models.functions.text
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Subscription",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("email", models.EmailField(max_length=254)),
                ("saved_filter", models.JSONField(default=dict)),
                ("filter_key", models.TextField(blank=True)),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                ),
                ("confirmed_at", models.DateTimeField(blank=True, null=True)),
                ("last_digest_at", models.DateTimeField(blank=True, db_index=True, null=True)),
                ("published_after", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "indexes": [
                    models.Index(
                        django.db.models.functions.text.Upper("email"),
                        name="alerts_subscription_email",
                    )
                ],
            },
        ),
    ]
