"""Backing up and restoring an installation: the database *and* the files (issued packs, logos,
uploads, job results), together, because an issued pack's record without its PDF is a download
that fails.

A backup is one ``.tar.gz``: ``database.json`` (every record, as Django's ``dumpdata`` writes
it with natural keys, so it loads into SQLite or PostgreSQL alike), ``files/<name>`` for every
file in the storage, and ``manifest.json`` with each file's SHA-256. A restore empties the
database, loads the records, writes the files back under their own names, and checks every
file against the manifest.
"""

import hashlib
import io
import json
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

# Rebuilt by migrate (content types, permissions), or not worth keeping (sessions, the queue's
# own rows and the workers' signs of life).
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "django_tasks_database",
    "jobs.workerheartbeat",
]


@dataclass(frozen=True)
class BackupSummary:
    records: int
    files: int


def stored_files(folder: str = "") -> list[str]:
    """Every file in the default storage, by name."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += stored_files(f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(destination: Path) -> BackupSummary:
    """Write the whole installation to ``destination`` (a .tar.gz)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as dump:
        # One transaction: the records are read as of one moment.
        with transaction.atomic():
            call_command(
                "dumpdata",
                "--natural-foreign",
                "--natural-primary",
                *[f"--exclude={label}" for label in EXCLUDED],
                output=dump.name,
                verbosity=0,
            )
            names = stored_files()
        database = Path(dump.name).read_bytes()
    manifest = {"made_at": timezone.now().isoformat(), "files": {}}
    with tarfile.open(destination, "w:gz") as archive:
        _add(archive, "database.json", database)
        for name in names:
            with default_storage.open(name, "rb") as file:
                data = file.read()
            manifest["files"][name] = hashlib.sha256(data).hexdigest()
            _add(archive, f"files/{name}", data)
        _add(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
    return BackupSummary(records=len(json.loads(database)), files=len(names))


class BackupDamaged(Exception):
    """The backup is not one this command made, or a file in it is not as it was backed up."""


def wipe_database() -> None:
    """Empty every table (as ``manage.py flush``), inside the caller's transaction."""
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        # PostgreSQL refuses to TRUNCATE tables with foreign-key checks still pending in this
        # transaction: run them now, then defer them again for the records loaded next.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", "--noinput", verbosity=0)
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _read(source: Path) -> tuple[bytes, dict[str, bytes]]:
    """The backup's records and files, each file checked against the manifest."""
    try:
        with tarfile.open(source, "r:gz") as archive:
            manifest = json.loads(archive.extractfile("manifest.json").read())
            database = archive.extractfile("database.json").read()
            files = {
                name: archive.extractfile(f"files/{name}").read() for name in manifest["files"]
            }
    except (tarfile.TarError, KeyError, ValueError, OSError) as error:
        raise BackupDamaged(f"{source} is not a backup of this application.") from error
    for name, data in files.items():
        if hashlib.sha256(data).hexdigest() != manifest["files"][name]:
            raise BackupDamaged(f"{name} in the backup does not match its SHA-256.")
    return database, files


def restore(source: Path) -> BackupSummary:
    """Replace everything in the database, and the storage's files named in the backup, with
    what ``source`` holds. Nothing is changed when the backup is damaged."""
    database, files = _read(source)
    with tempfile.NamedTemporaryFile(suffix=".json") as dump:
        Path(dump.name).write_bytes(database)
        with transaction.atomic():
            wipe_database()
            call_command("loaddata", dump.name, verbosity=0)
    for name, data in files.items():
        default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            raise BackupDamaged(f"{name} could not be written back under its own name.")
    return BackupSummary(records=len(json.loads(database)), files=len(files))
