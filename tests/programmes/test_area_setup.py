"""A programme's service areas, set up by its managers in the browser: adding, changing,
ordering, closing and reopening them; partner participation; people in roles."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from dashboards.selectors import updates_due
from milestones.models import ReportingPeriod
from programmes import area_setup
from programmes.models import (
    Organisation,
    Participation,
    Person,
    ProgrammeAccess,
    ServiceArea,
    ServiceAreaRole,
)
from programmes.rights import Rights
from tests.core.tabs import Tab
from tests.factories import MilestoneFactory, PersonFactory, ServiceAreaFactory
from tests.helpers import assert_bounded_queries, rows_of, text_of
from tests.seed_programmes import AGMA

pytestmark = pytest.mark.django_db


def url(name, slug=AGMA, **kwargs):
    return reverse(f"programme-setup:{name}", kwargs={"programme": slug, **kwargs})


def overview(client, slug=AGMA):
    return client.get(reverse("programmes:overview", kwargs={"programme": slug}))


def area_page(client, area):
    return client.get(
        reverse("programmes:service-area", kwargs={"programme": area.programme.slug, "pk": area.pk})
    )


def new_area(**changes):
    data = {
        "number": "11",
        "name": "Shared Legal Services",
        "parent": "",
        "scope": "Legal work for all ten councils.",
        "purpose": "",
        "rag": "",
        "progress_rating": "",
    }
    data.update(changes)
    return data


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def other_manager(django_user_model):
    """A manager of a programme of their own, none of the seeds."""
    from tests.factories import ProgrammeFactory

    user = django_user_model.objects.create_user("other-manager", password="pw")
    ProgrammeAccess.objects.create(programme=ProgrammeFactory(), user=user, role="manager")
    return client_of(user)


# --- adding and changing ----------------------------------------------------------------------


def test_a_manager_adds_a_service_area_and_is_led_to_name_its_people(manager_client, agma):
    response = manager_client.post(url("area-add"), new_area(), follow=True)
    area = ServiceArea.objects.get(programme=agma, name="Shared Legal Services")
    assert response.redirect_chain[-1][0] == url("area-people", pk=area.pk)
    assert "Added Shared Legal Services. Next: name its people" in text_of(response)
    assert area.order > max(agma.service_areas.exclude(pk=area.pk).values_list("order", flat=True))
    assert area.history.get().history_user.username == "manager"
    assert "11 Shared Legal Services" in text_of(overview(manager_client))


def test_a_name_the_programme_already_has_is_refused(manager_client, agma):
    response = manager_client.post(url("area-add"), new_area(name="Transactional HR"))
    assert "This programme already has a service area of this name." in text_of(response)
    assert agma.service_areas.filter(name="Transactional HR").count() == 1


def test_a_manager_renames_and_places_an_area_under_another(manager_client, own_area, other_area):
    edit = reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": own_area.pk})
    saved = Tab(manager_client, edit).open().save(name="HR Transactions", parent=other_area.pk)
    assert saved.status_code == 302
    own_area.refresh_from_db()
    assert (own_area.name, own_area.parent) == ("HR Transactions", other_area)
    # …and the other cannot then go under it: that would be a loop.
    edit_other = reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": other_area.pk})
    refused = Tab(manager_client, edit_other).open().save(parent=own_area.pk)
    assert "Select a valid choice." in text_of(refused)
    other_area.refresh_from_db()
    assert other_area.parent is None


def test_a_champion_changes_what_their_area_does_but_not_its_name(champion_client, own_area):
    edit = reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": own_area.pk})
    page = champion_client.get(edit)
    assert "name" not in page.context["form"].fields
    tab = Tab(champion_client, edit).open()
    assert tab.save(name="Renamed by a crafted post", purpose="Cheaper payroll.").status_code == 302
    own_area.refresh_from_db()
    assert (own_area.name, own_area.purpose) == ("Transactional HR", "Cheaper payroll.")
    champion = Rights.of(own_area.roles.get().person.user)
    with pytest.raises(PermissionDenied):  # the service refuses it too
        area_setup.area_edit(
            area=own_area,
            opened_version=own_area.version,
            changes={"name": "Renamed"},
            rights=champion,
            by=None,
        )


def test_areas_move_up_and_down_and_the_overview_follows(manager_client, agma):
    first, second = list(agma.service_areas.all()[:2])
    manager_client.post(url("area-move", pk=second.pk), {"direction": "up"})
    assert list(agma.service_areas.all()[:2]) == [second, first]
    html = overview(manager_client).content.decode()
    assert html.index(f">{second}</a>") < html.index(f">{first}</a>")
    moved = second.history.first()
    assert (moved.history_user.username, moved.order) == ("manager", 0)


# --- closing and reopening --------------------------------------------------------------------


def test_closing_needs_a_reason(manager_client, other_area):
    response = manager_client.post(
        url("area-close", pk=other_area.pk), {"version": other_area.version, "closed_reason": ""}
    )
    assert "Why is it closing?: Say why it is closing." in text_of(response)
    other_area.refresh_from_db()
    assert not other_area.is_closed


def test_a_closed_area_leaves_current_lists_keeps_its_history_and_can_reopen(
    manager_client, champion_client, own_area, agma
):
    milestones = own_area.milestones.count()
    assert milestones
    response = manager_client.post(
        url("area-close", pk=own_area.pk),
        {"version": own_area.version, "closed_reason": "Merged into Customer Contact"},
        follow=True,
    )
    assert "Closed Transactional HR. Its milestones and history are kept" in text_of(response)
    assert rows_of(response, "closed-areas")[0].startswith("Transactional HR")
    assert "Merged into Customer Contact" in rows_of(response, "closed-areas")[0]
    assert "Transactional HR" not in " ".join(rows_of(response, "open-areas"))

    own_area.refresh_from_db()
    assert own_area.milestones.count() == milestones
    assert own_area.history.first().history_user.username == "manager"
    page = overview(manager_client)
    assert own_area not in [row.area for row in page.context["overview"].rows]
    assert "Closed: Transactional HR" in text_of(page)
    assert "Closed on" in text_of(area_page(champion_client, own_area))
    assert own_area not in champion_client.get("/").context["work"].areas
    risk_form = champion_client.get(reverse("registers:risk-create", kwargs={"programme": AGMA}))
    assert own_area not in risk_form.context["form"].fields["service_area"].queryset
    ReportingPeriod.objects.create(
        programme=agma, label="Now", start="2000-01-01", end="2999-01-01"
    )
    assert own_area not in [due.area for due in updates_due(list(agma.service_areas.all()))]

    reopened = manager_client.post(
        url("area-reopen", pk=own_area.pk), {"version": own_area.version}, follow=True
    )
    assert "Reopened Transactional HR." in text_of(reopened)
    own_area.refresh_from_db()
    assert (own_area.closed_on, own_area.closed_reason) == (None, "")
    assert own_area in [row.area for row in overview(manager_client).context["overview"].rows]
    assert own_area.history.filter(closed_reason="Merged into Customer Contact").exists()


def test_an_area_is_not_closed_while_areas_under_it_are_open(manager_client, managed_programme):
    programme = managed_programme()
    parent = ServiceAreaFactory(programme=programme, name="Corporate")
    ServiceAreaFactory(programme=programme, name="Payroll", parent=parent)
    response = manager_client.post(
        url("area-close", slug=programme.slug, pk=parent.pk),
        {"version": parent.version, "closed_reason": "Done"},
    )
    assert "Close what sits under Corporate first: Payroll." in text_of(response)
    parent.refresh_from_db()
    assert not parent.is_closed


# --- partners ---------------------------------------------------------------------------------


def partners_form(area, **rows):
    """The partners page as posted: each partner's status and note (prefix p<organisation id>)."""
    data = {}
    recorded = Organisation.objects.filter(participations__service_area=area)
    for organisation in {*area.programme.partners.all(), *recorded}:
        stance = area.participations.filter(organisation=organisation).first()
        prefix = f"p{organisation.pk}"
        data[f"{prefix}-status"] = stance.status if stance else ""
        data[f"{prefix}-note"] = stance.note if stance else ""
        data[f"{prefix}-version"] = stance.version if stance else ""
    for name, (status, note) in rows.items():
        organisation = Organisation.objects.get(name=name)
        data[f"p{organisation.pk}-status"] = status
        data[f"p{organisation.pk}-note"] = note
    return data


def test_a_manager_records_which_partners_take_part(manager_client, other_area):
    response = manager_client.post(
        url("area-partners", pk=other_area.pk),
        partners_form(
            other_area,
            **{
                "Bolton Council": ("not_participating", "Has its own contact centre"),
                "Bury Council": ("committed", ""),
            },
        ),
        follow=True,
    )
    assert "Saved the partners' participation in Customer Contact." in text_of(response)
    page = text_of(area_page(manager_client, other_area))
    assert "Bolton: not participating — Has its own contact centre" in page
    assert "Bury: committed" in page
    bolton = Participation.objects.get(service_area=other_area, organisation__name="Bolton Council")
    assert bolton.history.get().history_user.username == "manager"


def test_a_note_without_saying_whether_they_take_part_is_refused(manager_client, other_area):
    data = partners_form(other_area, **{"Bolton Council": ("", "Thinking about it")})
    response = manager_client.post(url("area-partners", pk=other_area.pk), data)
    assert "Choose whether they take part, or leave the note empty." in text_of(response)
    assert not other_area.participations.filter(organisation__name="Bolton Council").exists()


def test_a_stale_partners_page_keeps_the_other_managers_change(
    manager_client, admin_client_logged_in, own_area
):
    opened = partners_form(own_area)
    stockport = own_area.participations.get(organisation__name="Stockport Council")
    theirs = partners_form(own_area, **{"Stockport Council": ("interested", "Budget not agreed")})
    admin_client_logged_in.post(url("area-partners", pk=own_area.pk), theirs)

    mine = {**opened, f"p{stockport.organisation_id}-status": "not_participating"}
    page = text_of(manager_client.post(url("area-partners", pk=own_area.pk), mine))
    assert "changed Stockport Council's participation while you were editing" in page
    stockport.refresh_from_db()
    assert (stockport.status, stockport.note) == ("interested", "Budget not agreed")


# --- people in roles --------------------------------------------------------------------------


def test_a_manager_names_one_of_the_programmes_people_and_takes_them_off(
    manager_client, other_area, django_user_model
):
    person = Person.objects.get(name="Frances Topping")
    person.user = django_user_model.objects.create_user("frances", password="pw")
    person.save()
    frances = client_of(person.user)
    edit = reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": other_area.pk})
    assert frances.get(edit).status_code == 403

    response = manager_client.post(
        url("area-people", pk=other_area.pk),
        {"person": person.pk, "role": "project_manager"},
        follow=True,
    )
    assert "Named Frances Topping as project manager." in text_of(response)
    assert "Project manager: Frances Topping" in text_of(area_page(manager_client, other_area))
    assert frances.get(edit).status_code == 200  # named, she may now change the area

    role = ServiceAreaRole.objects.get(service_area=other_area, person=person)
    response = manager_client.post(
        url("area-role-remove", pk=other_area.pk, role=role.pk), follow=True
    )
    page = text_of(response)
    assert "Took Frances Topping off Customer Contact as project manager." in page
    assert "Frances Topping, project manager: taken off" in page
    assert "Frances Topping" not in text_of(area_page(manager_client, other_area))
    assert frances.get(edit).status_code == 403


def test_someone_who_is_not_one_of_the_programmes_people_is_refused(manager_client, other_area):
    outsider = PersonFactory(name="Someone Elsewhere")
    response = manager_client.post(
        url("area-people", pk=other_area.pk), {"person": outsider.pk, "role": "champion"}
    )
    assert "only this programme's people can be chosen here" in text_of(response)
    assert not other_area.roles.filter(person=outsider).exists()
    with pytest.raises(Exception, match="only this programme's people"):
        area_setup.role_add(
            area=other_area,
            person=outsider,
            role="champion",
            rights=Rights.of(ProgrammeAccess.objects.filter(role="manager").first().user),
            by=None,
        )


# --- who may ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["champion_client", "reader_client", "other_manager"])
def test_only_the_programmes_managers_set_up_its_areas(who, request, own_area):
    client = request.getfixturevalue(who)
    person = own_area.roles.get().person
    role = own_area.roles.get()
    version = own_area.version
    assert client.get(url("areas")).status_code == 403
    assert client.post(url("area-add"), new_area()).status_code == 403
    assert client.post(url("area-move", pk=own_area.pk), {"direction": "up"}).status_code == 403
    closing = {"version": version, "closed_reason": "Hijacked"}
    assert client.post(url("area-close", pk=own_area.pk), closing).status_code == 403
    assert client.post(url("area-reopen", pk=own_area.pk), {"version": version}).status_code == 403
    assert client.post(url("area-partners", pk=own_area.pk), {}).status_code == 403
    naming = {"person": person.pk, "role": "lead_officer"}
    assert client.post(url("area-people", pk=own_area.pk), naming).status_code == 403
    removing = url("area-role-remove", pk=own_area.pk, role=role.pk)
    assert client.post(removing).status_code == 403
    own_area.refresh_from_db()
    assert (own_area.version, own_area.roles.count()) == (version, 1)
    assert not ServiceArea.objects.filter(name="Shared Legal Services").exists()
    if who != "other_manager":  # who cannot see the programme at all
        assert f'href="{url("areas")}"' not in overview(client).content.decode()


def test_the_areas_list_runs_a_bounded_number_of_queries(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add_rows(n):
        for _ in range(n):
            area = ServiceAreaFactory(programme=programme)
            ServiceAreaRole.objects.create(
                service_area=area, person=PersonFactory(), role="champion"
            )
            MilestoneFactory(service_area=area)
        closed = ServiceAreaFactory(
            programme=programme, closed_on="2010-01-01", closed_reason="Done"
        )
        assert closed.is_closed

    assert_bounded_queries(
        manager_client,
        url("areas", slug=programme.slug),
        add_rows,
        12,
        django_assert_max_num_queries,
    )
