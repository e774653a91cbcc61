"""`dapi api_token USERNAME --name NAME`: make a bearer token for the JSON API and print it once."""

from django.core.management.base import BaseCommand, CommandError

from dapi.lib.commands import note

from dapi.accounts.models import ApiToken, User
from dapi.accounts.services import api_token_create, api_token_revoke


class Command(BaseCommand):
    help = ("Make or revoke an API token acting as USERNAME. A new one works for DAPI_API_TOKEN_DAYS and is printed "
            "once (only its hash is kept); with --revoke, that user's tokens of that name stop working.")

    def add_arguments(self, parser):
        parser.add_argument("username", help="The user the token acts as.")
        parser.add_argument("--name", required=True, help="What the token is for, e.g. \"finance spreadsheet\".")
        parser.add_argument("--revoke", action="store_true", help="Revoke the user's live tokens with this name.")

    def handle(self, *args, username, name, revoke, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"No user called {username!r}.") from None
        if revoke:
            tokens = list(ApiToken.objects.filter(user=user, name=name, revoked=False))
            if not tokens:
                raise CommandError(f"{username} has no live token named {name!r}.")
            for token in tokens:
                api_token_revoke(token=token, by=None)
            self.stdout.write(f"Revoked {len(tokens)} token(s) named {name!r} of {username}.")
            return
        token, plaintext = api_token_create(user=user, name=name, by=None)
        note(self, f"API token {name!r} for {username}, working until {token.expires_at:%Y-%m-%d %H:%M %Z} "
                   "(shown once; send it as 'Authorization: Bearer <token>'):", stdout_is_the_result=True)
        self.stdout.write(plaintext)
