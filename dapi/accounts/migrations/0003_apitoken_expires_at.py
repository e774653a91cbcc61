from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone

# Tokens made before tokens expired get 90 days from the upgrade, not from when they were made, so no
# integration stops without notice; their owners and administrators see the date on the tokens page.
EXISTING_TOKEN_DAYS = 90


def give_existing_tokens_an_expiry(apps, schema_editor):
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=timezone.now() + timedelta(days=EXISTING_TOKEN_DAYS))


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(give_existing_tokens_an_expiry, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(
                help_text="The token stops working at this time (DAPI_API_TOKEN_DAYS after it was made)."),
        ),
    ]
