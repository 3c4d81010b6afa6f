"""The risk register: the table, the heat map, and adding and changing risks."""

from datetime import date

import pytest
from django.urls import reverse

from core import records
from programmes.models import Risk
from tests.helpers import assert_bounded_queries, row_starting, rows_of, text_of
from tests.seed_programmes import AGMA, WIGAN

from .factories import RiskFactory

pytestmark = pytest.mark.django_db


def risks_url(slug=WIGAN, query=""):
    return reverse("registers:risks", kwargs={"programme": slug}) + query


def create_url(slug=AGMA):
    return reverse("registers:risk-create", kwargs={"programme": slug})


def edit_url(risk):
    return reverse("registers:risk-edit", kwargs={"programme": risk.programme.slug, "pk": risk.pk})


def risk_form(area=None, **changes):
    data = {
        "title": "Payroll system fails",
        "service_area": area.pk if area else "",
        "description": "",
        "likelihood": "2",
        "likelihood_note": "",
        "impact": "3",
        "impact_note": "",
        "rag": "amber",
        "lead_officer": "Head of HR",
        "moderating_factors": "- Parallel run\n- Test restore",
        "review_date": "31/03/2010",
        "is_open": "on",
    }
    data.update(changes)
    return data


def edit_form(risk, **changes):
    data = {
        "title": risk.title,
        "service_area": risk.service_area_id or "",
        "description": risk.description,
        "likelihood": risk.likelihood or "",
        "likelihood_as_written": risk.likelihood_as_written,
        "likelihood_note": risk.likelihood_note,
        "impact": risk.impact or "",
        "impact_as_written": risk.impact_as_written,
        "impact_note": risk.impact_note,
        "rag": risk.rag,
        "lead_officer": risk.lead_officer,
        "moderating_factors": risk.moderating_factors,
        "review_date": risk.review_date.strftime("%d/%m/%Y") if risk.review_date else "",
        "is_open": "on" if risk.is_open else "",
        "version": risk.version,
    }
    data.update(changes)
    return data


@pytest.fixture
def own_risk(agma, own_area):
    return RiskFactory(programme=agma, service_area=own_area, title="HR payroll cut-over")


@pytest.fixture
def other_risk(agma, other_area):
    return RiskFactory(programme=agma, service_area=other_area, title="Call centre staffing")


# --- Reading -------------------------------------------------------------------------------------


def test_wigan_behaviour_risk_reads_red_high_high(manager_client):
    response = manager_client.get(risks_url())
    assert response.status_code == 200
    row = row_starting(response, "Behaviour")
    assert row.split()[:6] == ["Behaviour", "Whole", "programme", "High", "With", "reference"]
    assert "Red" in row
    assert "Deputy Chief Executive" in row
    assert "Ensure core values are embedded in Directorate" in row  # moderating factors
    assert "Open" in row


def test_heat_map_cells_have_words_counts_and_titles(manager_client):
    response = manager_client.get(risks_url())
    html = response.content.decode()
    assert "<caption>Open risks by likelihood" in html
    assert '<th scope="col" class="border p-2">Impact: High</th>' in html
    heatmap = rows_of(response, "heatmap")
    high = next(row for row in heatmap if row.startswith("Likelihood: High"))
    # Impact Low, Medium, High across: the rating in words, a count, the titles.
    assert "Amber 1 risk Employees" in high
    assert "Red 5 risks Leadership SMT Structure Transition Accommodation" in high
    assert "Red 4 risks Priorities Behaviour Skills Maintaining the day to day business" in high
    low = next(row for row in heatmap if row.startswith("Likelihood: Low"))
    assert low == "Likelihood: Low Green 1 risk Members Green 0 risks Amber 0 risks"
    assert 'class="rag-red border' in html  # colour as well as the word
    assert "Cultural changes (likelihood: not assessed; impact: High)" in text_of(response)


def test_filters_change_table_and_heat_map(manager_client):
    response = manager_client.get(risks_url(query="?rag=red"))
    rows = rows_of(response, "heatmap")
    assert "Behaviour" in " ".join(rows) and "Leadership" not in " ".join(rows)
    table = [row for row in rows_of(response) if not row.startswith("Likelihood")]
    assert all("Red" in row for row in table)
    assert "matching the filters" in text_of(response)


def test_closed_filter(manager_client, wigan):
    RiskFactory(programme=wigan, title="Old worry", is_open=False)
    text = text_of(manager_client.get(risks_url(query="?open=closed")))
    assert "Old worry" in text and "Behaviour" not in text


def test_whole_programme_filter(manager_client, agma, own_risk):
    RiskFactory(programme=agma, title="Funding ends")
    text = text_of(manager_client.get(risks_url(AGMA, "?service_area=null")))
    assert "Funding ends" in text and "HR payroll cut-over" not in text


def test_reader_sees_no_buttons(reader_client):
    response = reader_client.get(risks_url())
    assert response.status_code == 200
    text = text_of(response)
    assert "Add a risk" not in text
    assert ">Change<" not in response.content.decode()


def test_champion_sees_change_only_on_their_own_areas_risks(champion_client, own_risk, other_risk):
    response = champion_client.get(risks_url(AGMA))
    assert "Add a risk" in text_of(response)
    assert "Change risk: HR payroll cut-over" in row_starting(response, "HR payroll cut-over")
    assert "Change" not in row_starting(response, "Call centre staffing")


def test_champion_of_another_programme_gets_403(champion_client):
    assert champion_client.get(risks_url(WIGAN)).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, own_risk):
    for url in (risks_url(), create_url(), edit_url(own_risk)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url
    assert client.post(create_url(), risk_form()).status_code == 302
    assert not Risk.objects.filter(title="Payroll system fails").exists()


# --- Adding --------------------------------------------------------------------------------------


def test_champion_adds_a_risk_to_their_own_area(champion_client, own_area):
    form = champion_client.get(create_url()).content.decode()
    assert f'<option value="{own_area.pk}">Transactional HR</option>' in form
    assert "Customer Contact" not in form  # another champion's area is not offered
    response = champion_client.post(create_url(), risk_form(own_area))
    assert response.status_code == 302
    risk = Risk.objects.get(title="Payroll system fails")
    assert risk.service_area == own_area
    assert (risk.likelihood, risk.impact, risk.rag) == (2, 3, "amber")
    assert risk.review_date == date(2010, 3, 31)
    assert risk.history.first().history_user.username == "champion"
    page = champion_client.get(response.url)
    assert "Added the risk “Payroll system fails”." in text_of(page)
    assert "Medium 3 risk" not in text_of(page)
    assert "Red 1 risk Payroll system fails" in text_of(page)


def test_champion_crafted_post_for_another_area_is_refused(champion_client, other_area):
    before = Risk.objects.count()
    response = champion_client.post(create_url(), risk_form(other_area))
    assert response.status_code == 403
    assert Risk.objects.count() == before


def test_champion_cannot_add_a_programme_wide_risk(champion_client):
    before = Risk.objects.count()
    assert champion_client.post(create_url(), risk_form(None)).status_code == 403
    assert Risk.objects.count() == before


def test_champion_cannot_add_to_another_programmes_area(champion_client, wigan):
    area = wigan.service_areas.first()
    before = Risk.objects.count()
    assert champion_client.post(create_url(), risk_form(area)).status_code == 403
    assert champion_client.post(create_url(WIGAN), risk_form(area)).status_code == 403
    assert Risk.objects.count() == before


def test_reader_cannot_add(reader_client, own_area):
    before = Risk.objects.count()
    assert reader_client.get(create_url()).status_code == 403
    assert reader_client.post(create_url(), risk_form(own_area)).status_code == 403
    assert Risk.objects.count() == before


def test_manager_adds_a_programme_wide_risk(manager_client, agma):
    form = manager_client.get(create_url()).content.decode()
    assert "Whole programme (no service area)" in form
    assert '<option value="3">High</option>' in form  # likelihood in the programme's words
    response = manager_client.post(create_url(), risk_form(None))
    assert response.status_code == 302
    assert Risk.objects.get(title="Payroll system fails", programme=agma).service_area is None


def test_mistakes_are_explained_next_to_the_fields(manager_client):
    before = Risk.objects.count()
    response = manager_client.post(
        create_url(), risk_form(None, title="", likelihood="7", review_date="2010-31-03")
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "There is a problem" in text
    assert "Risk: This field is required." in text
    assert "Likelihood: Select a valid choice." in text
    assert "Review date: Enter a real date, day first, like 31/03/2010." in text
    assert 'href="#id_review_date"' in response.content.decode()
    assert Risk.objects.count() == before


# --- Changing ------------------------------------------------------------------------------------


def test_manager_changes_the_behaviour_risk_and_the_heat_map_follows(manager_client, wigan):
    risk = Risk.objects.get(programme=wigan, title="Behaviour")
    response = manager_client.post(edit_url(risk), edit_form(risk, impact="2", rag="amber"))
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.impact, risk.rag, risk.version) == (2, "amber", 2)
    page = manager_client.get(response.url)
    assert "Saved the risk “Behaviour”." in text_of(page)
    high = next(r for r in rows_of(page, "heatmap") if r.startswith("Likelihood: High"))
    assert "Red 6 risks Leadership SMT Structure Behaviour Transition Accommodation" in high
    assert "Amber" in row_starting(page, "Behaviour")


def test_a_rating_in_the_authors_words_is_shown_edited_and_listed(manager_client, wigan):
    """Seed 004 rates Policy changes "Ongoing Moderate": the form holds "Moderate" beside the
    level (Medium), and the register lists the author's word with the scale's name."""
    risk = Risk.objects.get(programme=wigan, title="Policy changes")
    form = manager_client.get(edit_url(risk)).content.decode()
    assert 'name="likelihood_as_written"' in form and 'value="Moderate"' in form
    assert "Moderate (Medium)" in row_starting(manager_client.get(risks_url()), "Policy changes")
    response = manager_client.post(
        edit_url(risk), edit_form(risk, likelihood_as_written="Moderate to high")
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.likelihood, risk.likelihood_as_written, risk.version) == (2, "Moderate to high", 2)
    assert risk.history.count() == 2  # saved through the services, with its audit row
    assert "Moderate to high (Medium)" in row_starting(
        manager_client.get(risks_url()), "Policy changes"
    )


def test_champion_changes_own_risk_but_cannot_move_it_away(champion_client, own_risk, other_area):
    response = champion_client.post(edit_url(own_risk), edit_form(own_risk, rag="red"))
    assert response.status_code == 302
    own_risk.refresh_from_db()
    assert own_risk.rag == "red"
    moved = champion_client.post(
        edit_url(own_risk), edit_form(own_risk, service_area=other_area.pk)
    )
    assert moved.status_code == 403
    own_risk.refresh_from_db()
    assert own_risk.service_area.name == "Transactional HR"


def test_champion_cannot_change_another_areas_risk(champion_client, other_risk):
    assert champion_client.get(edit_url(other_risk)).status_code == 403
    response = champion_client.post(edit_url(other_risk), edit_form(other_risk, rag="green"))
    assert response.status_code == 403
    other_risk.refresh_from_db()
    assert (other_risk.rag, other_risk.version) == ("amber", 1)


def test_reader_cannot_change(reader_client, wigan):
    risk = Risk.objects.get(programme=wigan, title="Behaviour")
    assert reader_client.get(edit_url(risk)).status_code == 403
    assert reader_client.post(edit_url(risk), edit_form(risk, rag="green")).status_code == 403
    risk.refresh_from_db()
    assert risk.rag == "red"


def test_risk_of_another_programme_is_not_found_here(manager_client, own_risk):
    url = reverse("registers:risk-edit", kwargs={"programme": WIGAN, "pk": own_risk.pk})
    assert manager_client.get(url).status_code == 404


def test_second_save_is_refused_and_keeps_what_was_typed(
    manager_client, django_user_model, own_risk
):
    opened = edit_form(own_risk)
    someone = django_user_model.objects.get(username="champion")
    records.record_edit(
        record=Risk.objects.get(pk=own_risk.pk),
        opened_version=1,
        changes={"lead_officer": "Phil Badley", "rag": "green"},
        by=someone,
    )
    response = manager_client.post(
        edit_url(own_risk), {**opened, "moderating_factors": "- Mine, typed meanwhile"}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Phil Badley saved this risk while you were editing it" in text
    assert "Lead officer is now “Phil Badley”" in text
    assert "RAG status is now “Green”" in text
    assert "- Mine, typed meanwhile" in text  # what the manager typed is still there
    own_risk.refresh_from_db()
    assert (own_risk.lead_officer, own_risk.version) == ("Phil Badley", 2)
    assert own_risk.moderating_factors == "- Watch it\n- Report it"
    assert 'name="version" value="2"' in response.content.decode()
    again = manager_client.post(
        edit_url(own_risk),
        {**opened, "moderating_factors": "- Mine, typed meanwhile", "version": 2},
    )
    assert again.status_code == 302
    own_risk.refresh_from_db()
    assert own_risk.moderating_factors == "- Mine, typed meanwhile"
    assert own_risk.version == 3


def test_saving_nothing_changes_nothing(manager_client, own_risk):
    response = manager_client.post(edit_url(own_risk), edit_form(own_risk))
    assert response.status_code == 302
    own_risk.refresh_from_db()
    assert own_risk.version == 1


# --- Queries -------------------------------------------------------------------------------------


def test_risk_register_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    from tests.factories import ServiceAreaFactory

    programme = managed_programme()

    def add(n):
        for i in range(n):
            area = ServiceAreaFactory(programme=programme)
            RiskFactory(programme=programme, service_area=area, likelihood=1 + i % 3)
            RiskFactory(programme=programme, likelihood=None)

    assert_bounded_queries(
        manager_client,
        risks_url(programme.slug),
        add,
        9,
        django_assert_max_num_queries,
    )


def test_the_edit_page_shows_the_risks_audit_history(manager_client, own_risk):
    manager_client.post(edit_url(own_risk), edit_form(own_risk, rag="red"))
    html = manager_client.get(edit_url(own_risk)).content.decode()
    assert "Audit history" in html
    assert "RAG status: “" in html and "→ “Red”" in html
    assert "Demo Manager" in html


# --- Rating and status ---------------------------------------------------------------------------


def test_a_status_the_matrix_does_not_give_is_saved_with_a_warning(manager_client, agma):
    response = manager_client.post(
        create_url(), risk_form(title="Data loss", likelihood="3", impact="3", rag="green")
    )
    assert response.status_code == 302  # a warning, not an error: the officer may keep it
    assert Risk.objects.get(title="Data loss").rag == "green"
    page = text_of(manager_client.get(response.url))
    assert "Added the risk “Data loss”." in page
    assert (
        "Its likelihood (High) and impact (High) give this risk a rating of Red on the "
        "programme's risk matrix, but its RAG status is Green." in page
    )
    row = row_starting(manager_client.get(risks_url(AGMA)), "Data loss")
    assert "High High Red Green Differs from the rating" in row  # the register shows both


def test_the_form_warns_when_it_opens_on_a_risk_whose_status_differs(manager_client, agma):
    risk = RiskFactory(programme=agma, title="Data loss", likelihood=3, impact=3, rag="green")
    text = text_of(manager_client.get(edit_url(risk)))
    assert "The RAG status differs from the rating." in text
    agreeing = RiskFactory(programme=agma, title="Server", likelihood=3, impact=3, rag="red")
    assert "differs from the rating" not in text_of(manager_client.get(edit_url(agreeing)))


def test_a_status_that_agrees_saves_without_a_warning(manager_client):
    response = manager_client.post(
        create_url(), risk_form(title="Data loss", likelihood="3", impact="3", rag="red")
    )
    page = text_of(manager_client.get(response.url))
    assert "Added the risk “Data loss”." in page
    assert "differs from the rating" not in page
