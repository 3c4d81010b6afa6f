from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from seeds import demo


class Command(BaseCommand):
    help = (
        "Load the living demonstration programme, its dates worked out from today, with its "
        "demo accounts (development machines only). Left alone if it is there already, so "
        "running this twice changes nothing; --reload replaces it (for a new today)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reload",
            action="store_true",
            help="Delete the demonstration programme and load it again for today.",
        )

    def handle(self, *args, reload, **options):
        if not settings.DEMO_USERS_ALLOWED:
            raise CommandError(
                "The demonstration programme comes with demo accounts, which these settings "
                "do not allow."
            )
        result = demo.load_demo(reload=reload)
        if not result.loaded:
            self.stdout.write(f"{demo.SLUG}: already loaded, left as it is.")
            return
        names = ", ".join(demo.ACCOUNTS)
        self.stdout.write(
            self.style.SUCCESS(
                f"{demo.SLUG}: loaded. Demo accounts {names}: password '{settings.DEMO_PASSWORD}'."
            )
        )
