"""Import every tracker in the corpus of real published trackers (fixtures/trackers/) as a
first-time user would: guessed mapping, default translations, no hand mapping. Prints per file
the records expected, created and the fields checked right, and the share right the first time.

    .venv/bin/python scripts/import_corpus.py

Runs against a throwaway SQLite database. The figures are recorded in docs/imports.md.
"""

import os
import sys
import tempfile
from pathlib import Path


def main() -> int:
    folder = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder.name) / 'corpus.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.management import call_command

    from imports.corpus import run_corpus

    call_command("migrate", verbosity=0)
    try:
        results = run_corpus()
    finally:
        folder.cleanup()
    print(f"{'File':48} {'expected':>8} {'created':>8} {'fields right':>14}  first time")
    for result in results:
        fields = f"{result.fields_right}/{result.fields_checked}"
        verdict = "right" if result.right_first_time else "NOT right"
        counts = f"{result.expected:>8} {result.created:>8} {fields:>14}"
        print(f"{result.file_name:48} {counts}  {verdict}")
        if result.refused:
            print(f"    refused: {result.refused}")
        for wrong in result.wrong[:5]:
            print(f"    {wrong}")
    right = sum(result.right_first_time for result in results)
    checked = sum(result.fields_checked for result in results)
    fields_right = sum(result.fields_right for result in results)
    print(
        f"\nRight the first time: {right} of {len(results)} files "
        f"({100 * right / len(results):.0f}%); fields right: {fields_right} of {checked} "
        f"({100 * fields_right / max(checked, 1):.0f}%)."
    )
    return 0 if right == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
