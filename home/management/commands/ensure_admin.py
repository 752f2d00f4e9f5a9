"""Create the first admin account with a generated password, printed once."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser with a random password if none exists, and print the "
        "password once. Never uses a fixed password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.invalid")

    def handle(self, *args, username, email, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An admin account exists; its password was printed when it was "
                "created. Reset it with: .venv/bin/python manage.py "
                f"changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        rule = "=" * 60
        self.stdout.write(
            self.style.SUCCESS(
                f"\n{rule}\nAdmin account created. This password is shown only once:"
                f"\n  user:     {username}\n  password: {password}\n"
                f"  log in at http://127.0.0.1:8000/admin/\n{rule}\n"
            )
        )
