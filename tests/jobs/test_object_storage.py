"""Files in S3-compatible object storage (django-storages), against a local S3 server (moto's)
that the test starts: a pack issued through the page is kept in the bucket and downloads byte
for byte; the health check writes and reads the bucket too."""

import contextlib
import socket

import boto3
import pytest
from django.test import override_settings
from django.urls import reverse
from moto.server import ThreadedMotoServer

from reports.models import IssuedPack

from .conftest import AGMA

# The meeting (10 March) is before the as-at date: the manager answers yes to issuing it.
ISSUE_TO_EARLY_MEETING = {"as_at": "31/03/2010", "confirmed": "yes", "early_meeting": "yes"}

pytestmark = pytest.mark.django_db

BUCKET = "tracker-files"
KEYS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}


@pytest.fixture
def bucket():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2", **KEYS)
    # moto keeps its buckets in the process, whichever server answers.
    with contextlib.suppress(s3.exceptions.BucketAlreadyOwnedByYou):
        s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
    storages = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "region_name": "eu-west-2",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "default_acl": None,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield s3
    server.stop()


def test_a_pack_is_issued_into_the_bucket_and_downloads_as_issued(
    bucket, manager_client, reader_client
):
    from programmes.models import Meeting, ServiceArea

    area = ServiceArea.objects.get(programme__slug=AGMA, name="Transactional Finance")
    meeting = Meeting.objects.get(body__programme__slug=AGMA, date="2010-03-10")
    manager_client.post(
        reverse("reports:issue", args=[AGMA, "milestones"]),
        {**ISSUE_TO_EARLY_MEETING, "areas": [area.pk], "meeting": meeting.pk},
    )
    pack = IssuedPack.objects.get()
    kept = bucket.get_object(Bucket=BUCKET, Key=pack.pdf.name)["Body"].read()
    assert kept.startswith(b"%PDF")
    response = reader_client.get(reverse("reports:pack-pdf", args=[AGMA, pack.pk]))
    assert response.status_code == 200
    assert response.content == kept


def test_the_health_check_writes_and_reads_the_bucket(bucket, client):
    response = client.get("/health/")
    assert response.json()["storage"] == "ok"
    assert "Contents" not in bucket.list_objects_v2(Bucket=BUCKET, Prefix="health/")
