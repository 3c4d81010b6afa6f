from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from programmes.models import Programme
from programmes.seed_loader import SeedError, load_seed, read_seed, seed_files


class Command(BaseCommand):
    help = (
        "Load the five seed programmes (fixtures/seeds/*.yaml) as demo data. A programme that "
        "is already loaded is left alone, so running this twice changes nothing; --reload "
        "replaces it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "slugs", nargs="*", metavar="SLUG", help="Load only these programmes (default: all)."
        )
        parser.add_argument(
            "--reload",
            action="store_true",
            help="Delete and load again programmes that are already there (loses their edits).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the seed files load cleanly, then roll everything back.",
        )
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Also create the demo sign-in accounts (development machines only).",
        )

    def handle(self, *args, slugs, reload, dry_run, demo_users, **options):
        if demo_users and not settings.DEMO_USERS_ALLOWED:
            raise CommandError("Demo accounts are not allowed with these settings.")
        try:
            files = seed_files(slugs)
            with transaction.atomic():
                for path in files:
                    self.load(path, reload=reload)
                if demo_users:
                    self.create_demo_users()
                if dry_run:
                    transaction.set_rollback(True)
                    self.stdout.write("Dry run: nothing was saved.")
        except SeedError as error:
            raise CommandError(str(error)) from error

    def load(self, path, *, reload):
        slug = read_seed(path)["programme"].get("slug")
        existing = Programme.objects.filter(slug=slug).first()
        if existing and not reload:
            self.stdout.write(f"{slug}: already loaded, left as it is.")
            return
        if existing:
            existing.delete()
        result = load_seed(path)
        counts = ", ".join(f"{count} {kind}" for kind, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"{slug}: loaded ({counts})."))

    def create_demo_users(self):
        User = get_user_model()
        password = settings.DEMO_PASSWORD
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"},
        )
        if created:
            admin.set_password(password)
            admin.save()
            self.stdout.write(
                self.style.SUCCESS(f"Demo account: sign in as 'admin' with password '{password}'.")
            )
        else:
            self.stdout.write("Demo account 'admin' already exists; its password is unchanged.")
