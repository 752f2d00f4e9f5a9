"""Create the first admin account with a generated password, printed once."""

from django.core.management.base import BaseCommand

from home.first_run import create_first_admin


class Command(BaseCommand):
    help = (
        "Create a superuser with a random password if none exists, and print the "
        "password once. Never uses a fixed password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.invalid")

    def handle(self, *args, username, email, **options):
        password = create_first_admin(username, email)
        if password is None:
            self.stdout.write(
                "An admin account exists; its password was printed when it was "
                "created. Reset it with: .venv/bin/python manage.py "
                f"changepassword {username}"
            )
            return
        rule = "=" * 60
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{rule}\nAdmin account created. This password is shown only once:"
                f"\n  user:     {username}\n  password: {password}\n{rule}\n"
            )
        )
