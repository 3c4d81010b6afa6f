"""Programmes, service areas, meetings and progress updates written through the API: the
services the pages call, so the pages' rights, the version a change is based on (409 in the
body, 412 in If-Match) and the history naming who made the change."""

from milestones.models import AreaUpdate, ProgressUpdate
from programmes.models import GovernanceBody, Meeting, Programme, ProgrammeAccess, ServiceArea
from tests.api.conftest import token_client

MARCH = "March 2010"  # AGMA's open reporting period, with no updates yet


def saved_by(record) -> str:
    return record.history.first().history_user.username


def test_a_manager_starts_a_programme_and_becomes_its_manager(api_as, django_user_model):
    client = api_as("manager")
    answer = client.post(
        "/api/programmes/",
        {
            "name": "Bolton Shared Services",
            "lead_organisation": "Bolton Council",
            "partners": ["Bolton Council", "Wigan Council"],
            "rag_scale": "three_point",
        },
        format="json",
    )
    assert answer.status_code == 201, answer.json()
    body = answer.json()
    assert body["slug"] == "bolton-shared-services"
    assert set(body["partners"]) == {"Bolton Council", "Wigan Council"}
    assert answer["ETag"] == '"1"'
    programme = Programme.objects.get(slug="bolton-shared-services")
    assert saved_by(programme) == "manager"
    manager = django_user_model.objects.get(username="manager")
    assert ProgrammeAccess.objects.get(programme=programme, user=manager).role == "manager"
    assert client.get("/api/programmes/bolton-shared-services/").status_code == 200


def test_champions_and_readers_cannot_start_or_change_a_programme(api_as, agma):
    for who in ("champion", "reader"):
        client = api_as(who)
        started = client.post("/api/programmes/", {"name": f"{who}'s own"}, format="json")
        assert started.status_code == 403, who
        changed = client.patch(
            f"/api/programmes/{agma.slug}/", {"description": "x", "version": agma.version}
        )
        assert changed.status_code == 403, who
    agma.refresh_from_db()
    assert agma.description != "x"
    assert not Programme.objects.filter(name__endswith="'s own").exists()


def test_a_stale_change_to_a_programmes_settings_is_refused(api_as, agma):
    client = api_as("manager")
    url = f"/api/programmes/{agma.slug}/"
    opened = agma.version
    saved = client.patch(url, {"stage_label": "Phase", "version": opened}, format="json")
    assert saved.status_code == 200, saved.json()
    assert saved.json()["version"] == opened + 1
    stale = client.patch(url, {"description": "Late"}, format="json", HTTP_IF_MATCH=f'"{opened}"')
    assert stale.status_code == 412
    assert stale.json()["changed_fields"] == ["heading for stages"]
    assert client.patch(url, {"description": "No version"}, format="json").status_code == 428
    agma.refresh_from_db()
    assert (agma.stage_label, saved_by(agma)) == ("Phase", "manager")
    assert agma.description not in ("Late", "No version")


def test_a_manager_adds_a_service_area_and_a_champion_cannot(api_as, agma):
    data = {"programme": agma.slug, "name": "Procurement", "number": "9", "rag": "green"}
    refused = api_as("champion").post("/api/service-areas/", data, format="json")
    assert refused.status_code == 403
    added = api_as("manager").post("/api/service-areas/", data, format="json")
    assert added.status_code == 201, added.json()
    area = ServiceArea.objects.get(programme=agma, name="Procurement")
    assert (area.number, area.rag, saved_by(area)) == ("9", "green", "manager")
    assert added.json()["order"] == area.order
    twice = api_as("manager").post("/api/service-areas/", data, format="json")
    assert twice.status_code == 400
    assert "already has a service area of this name" in str(twice.json())


def test_a_champion_changes_their_areas_scope_not_its_name(api_as, own_area, other_area):
    client = api_as("champion")
    url = f"/api/service-areas/{own_area.pk}/"
    scope = client.patch(url, {"scope": "Payroll for ten councils.", "version": own_area.version})
    assert scope.status_code == 200, scope.json()
    renamed = client.patch(url, {"name": "Payroll", "version": own_area.version + 1})
    assert renamed.status_code == 403
    other = client.patch(
        f"/api/service-areas/{other_area.pk}/", {"scope": "x", "version": other_area.version}
    )
    assert other.status_code == 403
    own_area.refresh_from_db()
    assert (own_area.scope, own_area.name) == ("Payroll for ten councils.", "Transactional HR")
    assert saved_by(own_area) == "champion"


def test_a_stale_change_to_a_service_area_is_refused(api_as, own_area):
    url = f"/api/service-areas/{own_area.pk}/"
    opened = own_area.version
    assert (
        api_as("manager").patch(url, {"purpose": "Save £1.3m", "version": opened}).status_code
        == 200
    )
    stale = api_as("champion").patch(url, {"scope": "Mine", "version": opened})
    assert stale.status_code == 409
    assert stale.json()["changed_fields"] == ["purpose"]
    assert stale.json()["current"]["purpose"] == "Save £1.3m"
    own_area.refresh_from_db()
    assert own_area.scope != "Mine"


def agma_body(agma) -> GovernanceBody:
    return GovernanceBody.objects.filter(programme=agma, closed_on__isnull=True).first()


def test_a_manager_adds_changes_and_cancels_a_meeting(api_as, agma):
    client = api_as("manager")
    body = agma_body(agma)
    added = client.post(
        "/api/meetings/",
        {"body": body.pk, "date": "2010-06-24", "location": "Committee Room 1"},
        format="json",
    )
    assert added.status_code == 201, added.json()
    meeting = Meeting.objects.get(pk=added.json()["id"])
    url = f"/api/meetings/{meeting.pk}/"
    moved = client.patch(url, {"location": "Town Hall"}, HTTP_IF_MATCH='"1"')
    assert moved.status_code == 200, moved.json()
    cancelled = client.post(f"{url}cancel/", {"reason": "Not quorate", "version": 2})
    assert cancelled.status_code == 200, cancelled.json()
    assert cancelled.json()["is_cancelled"] is True
    meeting.refresh_from_db()
    assert (meeting.location, meeting.cancelled_reason) == ("Town Hall", "Not quorate")
    assert [row.history_user.username for row in meeting.history.all()] == ["manager"] * 3


def test_champions_and_readers_cannot_keep_meetings(api_as, agma):
    body = agma_body(agma)
    meeting = Meeting.objects.filter(body__programme=agma).first()
    for who in ("champion", "reader"):
        client = api_as(who)
        added = client.post("/api/meetings/", {"body": body.pk, "date": "2010-07-01"})
        assert added.status_code == 403, who
        changed = client.patch(
            f"/api/meetings/{meeting.pk}/", {"title": "x", "version": meeting.version}
        )
        assert changed.status_code == 403, who
    assert not Meeting.objects.filter(body=body, date="2010-07-01").exists()


def test_a_stale_change_to_a_meeting_is_refused(api_as, agma):
    client = api_as("manager")
    meeting = Meeting.objects.filter(body__programme=agma).first()
    url = f"/api/meetings/{meeting.pk}/"
    opened = meeting.version
    assert client.patch(url, {"title": "Budget JIB", "version": opened}).status_code == 200
    stale = client.patch(url, {"notes": "Bring papers", "version": opened})
    assert stale.status_code == 409
    assert stale.json()["changed_fields"] == ["title"]
    meeting.refresh_from_db()
    assert meeting.notes != "Bring papers"


def test_a_champion_writes_and_revises_their_areas_update(api_as, agma, own_area):
    client = api_as("champion")
    written = client.post(
        "/api/progress-updates/",
        {"service_area": own_area.pk, "text": "Payroll merged for Bury.", "rag": "green"},
        format="json",
    )
    assert written.status_code == 201, written.json()
    assert (written.json()["period"], written.json()["sign_off"]) == (MARCH, "draft")
    update = ProgressUpdate.objects.get(pk=written.json()["id"])
    assert (update.written_by.username, saved_by(update)) == ("champion", "champion")
    revised = client.patch(
        f"/api/progress-updates/{update.pk}/",
        {"text": "Payroll merged for Bury and Trafford.", "version": 1, "submit": True},
        format="json",
    )
    assert revised.status_code == 200, revised.json()
    assert (revised.json()["version"], revised.json()["sign_off"]) == (2, "submitted")
    after = client.patch(f"/api/progress-updates/{update.pk}/", {"text": "x", "version": 2})
    assert after.status_code == 400
    assert "waiting for the programme office's review" in str(after.json())


def test_only_an_areas_writers_write_its_update(api_as, own_area, other_area):
    data = {"text": "Done.", "rag": "green"}
    champion = api_as("champion")
    other = champion.post("/api/progress-updates/", {**data, "service_area": other_area.pk})
    assert other.status_code == 403
    reader = api_as("reader").post("/api/progress-updates/", {**data, "service_area": own_area.pk})
    assert reader.status_code == 403
    assert not ProgressUpdate.objects.filter(service_area__in=[own_area, other_area]).exists()


def test_an_update_written_meanwhile_is_never_replaced(api_as, django_user_model, own_area):
    first = api_as("champion").post(
        "/api/progress-updates/", {"service_area": own_area.pk, "text": "Mine."}
    )
    assert first.status_code == 201
    manager = api_as("manager")
    again = manager.post("/api/progress-updates/", {"service_area": own_area.pk, "text": "Ours."})
    assert again.status_code == 400
    assert "written already" in str(again.json())
    url = f"/api/progress-updates/{first.json()['id']}/"
    assert manager.patch(url, {"text": "Ours.", "version": 1}).status_code == 200
    stale = api_as("champion").patch(url, {"text": "Mine, again."}, HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert stale.json()["current"]["text"] == "Ours."
    assert ProgressUpdate.objects.get(service_area=own_area).text == "Ours."
    assert AreaUpdate.objects.get(service_area=own_area).status == AreaUpdate.Status.DRAFT


def test_another_programmes_manager_sees_none_of_it(wigan_manager, agma, own_area):
    client = token_client(wigan_manager)
    updates_before = ProgressUpdate.objects.count()
    assert client.get(f"/api/programmes/{agma.slug}/").status_code == 404
    added = client.post("/api/service-areas/", {"programme": agma.slug, "name": "Theirs"})
    assert added.status_code == 400
    assert "programme" in added.json()  # refused for the programme it names
    update = client.post("/api/progress-updates/", {"service_area": own_area.pk, "text": "x"})
    assert update.status_code == 400
    assert "service_area" in update.json()
    assert not ServiceArea.objects.filter(programme=agma, name="Theirs").exists()
    assert ProgressUpdate.objects.count() == updates_before
