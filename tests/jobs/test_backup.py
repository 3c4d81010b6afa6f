"""Backup and restore cover the database and the files together: after a backup, a wiped
database and an emptied storage, the restore brings back an issued pack that downloads byte for
byte as issued."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.urls import reverse

from jobs.backup import stored_files, wipe_database
from programmes.models import Programme
from reports.models import IssuedPack
from tests.conftest import signed_in

from .conftest import AGMA

# The meeting (10 March) is before the as-at date: the manager answers yes to issuing it.
ISSUE_TO_EARLY_MEETING = {"as_at": "31/03/2010", "confirmed": "yes", "early_meeting": "yes"}

pytestmark = pytest.mark.django_db


def test_backup_wipe_restore_and_the_pack_downloads_as_issued(
    manager_client, area, meeting, django_user_model, tmp_path
):
    manager_client.post(
        reverse("reports:issue", args=[AGMA, "milestones"]),
        {**ISSUE_TO_EARLY_MEETING, "areas": [area.pk], "meeting": meeting.pk},
    )
    pack = IssuedPack.objects.get()
    url = reverse("reports:pack-pdf", args=[AGMA, pack.pk])
    issued = manager_client.get(url).content
    backup = tmp_path / "tracker.tar.gz"
    call_command("backup_site", "--output", str(backup), verbosity=0)

    wipe_database()
    for name in stored_files():
        default_storage.delete(name)
    assert not IssuedPack.objects.exists() and not stored_files()

    call_command("restore_site", str(backup), "--yes", verbosity=0)
    manager = signed_in(django_user_model, "manager")
    response = manager.get(url)
    assert response.status_code == 200
    assert response.content == issued
    assert IssuedPack.objects.get().sha256 == pack.sha256


def test_a_damaged_backup_is_refused_and_nothing_is_restored(tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    damaged.write_bytes(b"not a backup")
    with pytest.raises(CommandError, match="is not a backup of this application"):
        call_command("restore_site", str(damaged), "--yes")
    assert Programme.objects.filter(slug=AGMA).exists()
