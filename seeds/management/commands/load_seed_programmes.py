from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from programmes.models import Person, Programme, ProgrammeAccess, ServiceAreaRole
from seeds.accounts import demo_user
from seeds.files import SeedError, read_seed, seed_files
from seeds.loader import load_seed


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
        data = read_seed(path)
        slug = data["programme"].get("slug")
        existing = Programme.objects.filter(slug=slug).first()
        if existing and not reload:
            self.stdout.write(f"{slug}: already loaded, left as it is.")
            return
        if existing:
            existing.delete()
        result = load_seed(path, data)
        counts = ", ".join(f"{count} {kind}" for kind, count in result.counts.items())
        self.stdout.write(self.style.SUCCESS(f"{slug}: loaded ({counts})."))

    def create_demo_users(self):
        """One account per role, on the seed programmes: manager of them all; champion of
        Transactional HR (AGMA), as Phil Badley; reader of them all; and an administrator."""
        password = settings.DEMO_PASSWORD
        seeds = Programme.objects.filter(slug__in=[path.stem for path in seed_files()])
        admin = demo_user("admin", is_staff=True, is_superuser=True)
        manager = demo_user("manager", first_name="Demo", last_name="Manager")
        reader = demo_user("reader", first_name="Demo", last_name="Reader")
        champion = demo_user("champion", first_name="Phil", last_name="Badley")
        for programme in seeds:
            ProgrammeAccess.objects.get_or_create(
                programme=programme, user=manager, defaults={"role": ProgrammeAccess.Role.MANAGER}
            )
            ProgrammeAccess.objects.get_or_create(
                programme=programme, user=reader, defaults={"role": ProgrammeAccess.Role.READER}
            )
        hr_champion = Person.objects.filter(
            roles__role=ServiceAreaRole.Role.CHAMPION,
            roles__service_area__name="Transactional HR",
            roles__service_area__programme__slug="agma-collaborative-services",
        ).first()
        if hr_champion and hr_champion.user_id is None:
            hr_champion.user = champion
            hr_champion.save(update_fields=["user"])
        names = ", ".join(user.username for user in (manager, champion, reader, admin))
        self.stdout.write(self.style.SUCCESS(f"Demo accounts {names}: password '{password}'."))
