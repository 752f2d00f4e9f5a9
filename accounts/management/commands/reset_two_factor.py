"""Remove one account's second factors, for someone who lost them.

The person sets a new app up at their next sign-in (after the password).
Check who is asking before running this: it is how a lost factor is replaced.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import factors


class Command(BaseCommand):
    help = (
        "Remove every second factor (authenticator app, recovery codes) of one "
        "account, so that it sets a new one up at its next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No account has the username {username!r}.") from None
        removed = factors.remove_all(user)
        self.stdout.write(
            f"Removed {removed} second-factor device(s) of {username}; "
            "they set a new app up at their next sign-in."
        )
