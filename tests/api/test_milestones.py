"""Milestones through the API: read with dates as words and meaning, changed through the
milestone services with the same rights, reasons, versions and history as the pages."""

from milestones.models import DateChange, Milestone
from tests.api.conftest import token_client


def first_milestone(area) -> Milestone:
    return area.milestones.exclude(status__in=Milestone.FINISHED).order_by("order", "id").first()


def test_a_milestone_reads_its_dates_as_words_and_meaning(api_as, own_area):
    milestone = first_milestone(own_area)
    response = api_as("reader").get(f"/api/milestones/{milestone.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == milestone.title
    assert body["programme"] == "agma-collaborative-services"
    planned = body["planned_completion"]
    assert planned["words"] == milestone.planned_completion.text
    assert planned["precision"] == milestone.planned_completion.precision.value
    assert response.headers["ETag"] == f'"{milestone.version}"'


def test_moving_a_date_needs_a_reason_then_keeps_it_in_the_date_history(api_as, own_area):
    milestone = first_milestone(own_area)
    client = api_as("champion")
    url = f"/api/milestones/{milestone.pk}/"
    refused = client.patch(
        url, {"forecast_completion": "end March 2031", "version": milestone.version}, format="json"
    )
    assert refused.status_code == 400
    assert "Say why the date is changing." in str(refused.json())

    saved = client.patch(
        url,
        {
            "forecast_completion": "end March 2031",
            "reason": "Supplier delayed",
            "version": milestone.version,
        },
        format="json",
    )
    assert saved.status_code == 200, saved.json()
    body = saved.json()
    assert body["forecast_completion"]["report_style"] == "end Mar 2031"
    assert body["forecast_completion"]["earliest"] == "2031-03-21"
    assert body["forecast_completion"]["latest"] == "2031-03-31"
    assert body["version"] == milestone.version + 1
    assert body["date_changes"][-1]["reason"] == "Supplier delayed"
    change = DateChange.objects.filter(milestone=milestone).latest()
    assert change.changed_by.username == "champion"
    assert milestone.history.first().history_user.username == "champion"


def test_a_write_based_on_an_old_version_is_refused_with_409_and_saves_nothing(api_as, own_area):
    milestone = first_milestone(own_area)
    url = f"/api/milestones/{milestone.pk}/"
    old = milestone.version
    first = api_as("manager").patch(
        url, {"comment": "Manager's words", "version": old}, format="json"
    )
    assert first.status_code == 200
    late = api_as("champion").patch(
        url, {"comment": "Champion's words", "version": old}, format="json"
    )
    assert late.status_code == 409
    body = late.json()
    assert body["your_version"] == old
    assert body["current_version"] == old + 1
    assert "comment / current activity" in body["changed_fields"]
    assert "Nothing was saved" in body["detail"]
    assert body["current"]["comment"] == "Manager's words"
    milestone.refresh_from_db()
    assert milestone.comment == "Manager's words"


def test_if_match_carries_the_version_and_a_stale_one_is_412(api_as, own_area):
    milestone = first_milestone(own_area)
    url = f"/api/milestones/{milestone.pk}/"
    client = api_as("manager")
    etag = client.get(url).headers["ETag"]
    assert (
        client.patch(url, {"comment": "One"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    )
    stale = client.patch(url, {"comment": "Two"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["current"]["comment"] == "One"


def test_a_change_with_no_version_is_refused_saying_what_to_send(api_as, own_area):
    milestone = first_milestone(own_area)
    response = api_as("manager").patch(
        f"/api/milestones/{milestone.pk}/", {"comment": "x"}, format="json"
    )
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]


def test_a_reader_can_read_but_not_change(api_as, own_area):
    milestone = first_milestone(own_area)
    client = api_as("reader")
    url = f"/api/milestones/{milestone.pk}/"
    assert client.get(url).status_code == 200
    response = client.patch(url, {"comment": "x", "version": milestone.version}, format="json")
    assert response.status_code == 403
    assert "Only the programme's managers" in response.json()["detail"]
    milestone.refresh_from_db()
    assert milestone.comment != "x"


def test_a_champion_cannot_change_another_area(api_as, other_area):
    milestone = first_milestone(other_area)
    response = api_as("champion").patch(
        f"/api/milestones/{milestone.pk}/",
        {"comment": "x", "version": milestone.version},
        format="json",
    )
    assert response.status_code == 403


def test_another_programmes_manager_finds_nothing(wigan_manager, own_area):
    milestone = first_milestone(own_area)
    client = token_client(wigan_manager)
    assert client.get(f"/api/milestones/{milestone.pk}/").status_code == 404
    response = client.patch(
        f"/api/milestones/{milestone.pk}/", {"comment": "x", "version": 1}, format="json"
    )
    assert response.status_code == 404
    listed = client.get("/api/milestones/", {"programme": "agma-collaborative-services"})
    assert listed.json()["count"] == 0
    programmes = [p["slug"] for p in client.get("/api/programmes/").json()["results"]]
    assert programmes == ["wigan-support-services-review"]


def test_adding_a_milestone_goes_through_the_service(api_as, own_area):
    response = api_as("champion").post(
        "/api/milestones/",
        {
            "service_area": own_area.pk,
            "title": "Payroll go-live",
            "planned_completion": "Q1 2031",
            "actual_completion": "",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["planned_completion"]["precision"] == "quarter"
    milestone = Milestone.objects.get(pk=body["id"])
    assert milestone.history.first().history_user.username == "champion"
    assert milestone.order == max(own_area.milestones.values_list("order", flat=True))


def test_a_date_the_calendar_lacks_is_refused_unless_kept_as_words(api_as, own_area):
    data = {"service_area": own_area.pk, "title": "Board", "planned_completion": "31/02/2031"}
    refused = api_as("manager").post("/api/milestones/", data, format="json")
    assert refused.status_code == 400
    assert "There is no 31 February 2031." in refused.json()["planned_completion"][0]
    kept = api_as("manager").post(
        "/api/milestones/", {**data, "keep_as_words": True}, format="json"
    )
    assert kept.status_code == 201
    assert kept.json()["planned_completion"] == {
        "words": "31/02/2031",
        "report_style": "31/02/2031",
        "earliest": None,
        "latest": None,
        "precision": "undated",
    }


def test_cancelling_needs_a_reason_and_a_version(api_as, own_area):
    milestone = first_milestone(own_area)
    client = api_as("champion")
    url = f"/api/milestones/{milestone.pk}/cancel/"
    assert (
        client.post(
            url, {"reason": "Merged", "version": milestone.version + 5}, format="json"
        ).status_code
        == 409
    )
    response = client.post(url, {"reason": "Merged", "version": milestone.version}, format="json")
    assert response.status_code == 200
    assert response.json()["status_words"] == "Cancelled"
    assert response.json()["cancelled_reason"] == "Merged"


def test_a_page_of_milestones_costs_the_same_few_queries_however_many(
    api_as, django_assert_max_num_queries
):
    client = api_as("manager")
    with django_assert_max_num_queries(12):
        response = client.get("/api/milestones/", {"page_size": 500})
    assert response.json()["count"] > 200
    with django_assert_max_num_queries(12):
        client.get("/api/risks/", {"page_size": 500})
    with django_assert_max_num_queries(12):
        client.get("/api/service-areas/", {"page_size": 500})
