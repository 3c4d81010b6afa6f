"""My work, the programme list, the programme overview and the service-area page: what each
role reads on them, and what each is refused."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from milestones.models import Milestone, ProgressUpdate, ReportingPeriod
from programmes.models import Person, ServiceArea

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def area(name, slug=AGMA):
    return ServiceArea.objects.get(programme__slug=slug, name=name)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def overview_url(slug=AGMA):
    return reverse("programmes:overview", kwargs={"programme": slug})


def area_url(service_area):
    return reverse(
        "programmes:service-area",
        kwargs={"programme": service_area.programme.slug, "pk": service_area.pk},
    )


# --- My work -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("programmes:my-work"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_champion_sees_their_area_overdue_milestones_and_update_due(champion_client):
    html = page(champion_client, reverse("programmes:my-work"))
    assert "Transactional HR" in html
    assert "Stage 0-1" in html  # planned for June 2010, still in progress: overdue
    assert "no update yet for March 2010" in html
    assert "IT</a>" not in html  # another champion's area


def test_reader_is_named_on_nothing_but_sees_programmes(reader_client):
    html = page(reader_client, reverse("programmes:my-work"))
    assert "You are not named on any service area." in html
    assert "Manchester Improvement Programme" in html


def test_programme_list_shows_only_what_the_user_may_see(champion_client, reader_client):
    champion = page(champion_client, reverse("programmes:list"))
    assert "AGMA Collaborative Services" in champion
    assert "Support Services Review" not in champion
    reader = page(reader_client, reverse("programmes:list"))
    assert "Support Services Review" in reader


# --- Programme overview ------------------------------------------------------------------------


def test_overview_counts_and_stage_matrix(manager_client):
    html = page(manager_client, overview_url())
    milestones = Milestone.objects.filter(service_area__programme__slug=AGMA)
    slipped = milestones.slipped().count()
    assert slipped == 5
    assert f"<strong>{slipped}</strong> slipped" in html
    assert f"<strong>{milestones.filter(status='complete').count()}</strong> completed" in html
    assert "Stages of the delivery plan" in html
    assert "Stage 2b" in html and "Other milestones" in html
    assert "Stage 0-1: Sep 2009 → Jun 2010" in html  # the unstaged row, with its slippage
    assert "slipped" in html


def test_overview_lists_red_risks_in_words(reader_client):
    html = page(reader_client, overview_url("wigan-support-services-review"))
    assert "Red risks" in html
    assert '<span class="rag rag-red">Red</span> <strong>Behaviour</strong>' in html


def test_overview_savings_fall_back_to_the_latest_year_with_figures(reader_client):
    html = page(reader_client, overview_url("manchester-improvement-programme"))
    assert "these are for 2010/11, the latest year with figures" in html
    assert "£14,400,000" in html


def test_overview_lists_who_has_not_updated_and_only_managers_get_the_reminder_button(
    manager_client, reader_client
):
    manager_html = page(manager_client, overview_url())
    assert "Not yet updated for March 2010" in manager_html
    assert "Phil Badley" in manager_html
    assert "E-mail a reminder to everyone listed" in manager_html
    assert "E-mail a reminder" not in page(reader_client, overview_url())


def test_champion_of_another_programme_is_refused(champion_client):
    response = champion_client.get(overview_url("wigan-support-services-review"))
    assert response.status_code == 403


# --- Reminders ---------------------------------------------------------------------------------


def test_manager_sends_reminders_to_people_with_an_e_mail_address(manager_client):
    Person.objects.filter(name="Phil Badley").update(email="phil.badley@stockport.gov.uk")
    response = manager_client.post(
        reverse("programmes:send-reminders", kwargs={"programme": AGMA}), follow=True
    )
    html = response.content.decode()
    assert [m.to for m in mail.outbox] == [["phil.badley@stockport.gov.uk"]]
    message = mail.outbox[0]
    assert message.subject == "Update needed: Transactional HR, March 2010"
    assert area_url(area("Transactional HR")) in message.body
    assert "1 reminder e-mail sent." in html
    assert "No e-mail address for" in html and "Martin Vickers" in html


def test_reader_cannot_send_reminders(reader_client):
    Person.objects.filter(name="Phil Badley").update(email="phil.badley@stockport.gov.uk")
    response = reader_client.post(reverse("programmes:send-reminders", kwargs={"programme": AGMA}))
    assert response.status_code == 403
    assert mail.outbox == []


def test_scheduled_reminders_command(capsys):
    from django.core.management import call_command

    Person.objects.filter(name="Phil Badley").update(email="phil.badley@stockport.gov.uk")
    ReportingPeriod.objects.filter(programme__slug=AGMA, label="March 2010").update(
        updates_due=date(2010, 3, 31)
    )
    call_command(
        "send_update_reminders",
        AGMA,
        "--base-url",
        "https://tracker.example.gov.uk",
        "--today",
        "2010-04-01",
    )
    assert len(mail.outbox) == 1
    assert "https://tracker.example.gov.uk/programmes/agma-collaborative-services/areas/" in (
        mail.outbox[0].body
    )
    assert "agma-collaborative-services: 1 reminder(s) sent." in capsys.readouterr().out


# --- Service-area page -------------------------------------------------------------------------


def test_champions_page_shows_people_partners_slippage_and_edit_links(champion_client):
    html = page(champion_client, area_url(area("Transactional HR")))
    champion = "Service area champion:</strong> Phil Badley, Director - Organisation Development"
    assert champion in html
    assert "<strong>Bolton:</strong> not participating" in html
    assert "Planned completion: Dec 2009, extended to Mar 2010: Extended" in html
    assert "Planned completion: Mar 2010, extended to Jun 2010: Extended" in html
    assert "Write the update for March 2010" in html
    assert 'Change<span class="visually-hidden"> Stage 0-1</span>' in html


def test_other_areas_and_readers_get_no_edit_controls(champion_client, reader_client):
    it_html = page(champion_client, area_url(area("IT")))
    assert "Write the update" not in it_html and 'visually-hidden"> Stage 1' not in it_html
    reader_html = page(reader_client, area_url(area("Transactional HR")))
    assert "Write the update" not in reader_html and ">Change<" not in reader_html


def test_champion_writes_an_update_and_the_overview_stops_chasing_it_once_submitted(
    champion_client, manager_client
):
    hr = area("Transactional HR")
    url = reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": hr.pk})
    text = "Workshops booked for April.\n\n- Bury scoped\n- Trafford started"
    html = champion_client.post(url, {"text": text}, follow=True).content.decode()
    assert "Update for March 2010 saved as a draft. Submit it when it is ready." in html
    update = ProgressUpdate.objects.get(service_area=hr, milestone=None)
    assert update.author.name == "Phil Badley" and update.written_by.username == "champion"
    assert "Transactional HR</a> (draft): Phil Badley" in page(manager_client, overview_url())

    response = champion_client.post(url, {"text": text, "action": "submit"}, follow=True)
    assert "Your update for March 2010 is submitted." in response.content.decode()
    assert (
        "Transactional HR</a>"
        not in page(manager_client, overview_url()).split("not-updated-heading")[1]
    )


def test_champion_cannot_write_another_areas_update(champion_client):
    it = area("IT")
    response = champion_client.post(
        reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": it.pk}),
        {"text": "Not mine", "action": "submit"},
    )
    assert response.status_code == 403
    assert not ProgressUpdate.objects.filter(service_area=it).exists()


def test_an_update_without_the_areas_text_cannot_be_submitted(champion_client):
    hr = area("Transactional HR")
    response = champion_client.post(
        reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": hr.pk}),
        {"text": "", "action": "submit"},
    )
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Write what happened in the area this period before you submit the update." in html
    assert not ProgressUpdate.objects.filter(service_area=hr).exists()


def test_champion_changes_their_areas_rag_and_the_audit_history_shows_it(champion_client):
    hr = area("Transactional HR")
    response = champion_client.post(
        reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": hr.pk}),
        {
            "version": hr.version,
            "scope": hr.scope,
            "purpose": "",
            "rag": "amber",
            "progress_rating": "reasonable",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Saved Transactional HR." in html
    assert '<span class="rag rag-amber">Amber</span>' in html
    assert "Progress: reasonable" in html
    assert "RAG status: “—” → “Amber”" in html and "Phil Badley" in html


def test_stale_area_edit_is_refused_and_shows_the_other_change(champion_client, manager_client):
    hr = area("Transactional HR")
    url = reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": hr.pk})
    opened = {
        "version": hr.version,
        "scope": hr.scope,
        "purpose": "",
        "rag": "",
        "progress_rating": "",
    }
    # The manager's form names the area too.
    manager_client.post(url, {**opened, "rag": "red", "name": hr.name, "number": hr.number})
    html = champion_client.post(url, {**opened, "rag": "green"}).content.decode()
    assert "Demo Manager saved this service area while you were editing it" in html
    assert "RAG status is now “red”" in html
    hr.refresh_from_db()
    assert hr.rag == "red"


def test_champion_cannot_change_another_area(champion_client):
    it = area("IT")
    response = champion_client.post(
        reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": it.pk}),
        {
            "version": it.version,
            "scope": "hijacked",
            "purpose": "",
            "rag": "red",
            "progress_rating": "",
        },
    )
    assert response.status_code == 403
    it.refresh_from_db()
    assert it.scope != "hijacked" and it.rag == ""
