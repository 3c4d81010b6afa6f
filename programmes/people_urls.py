"""A programme's people: the People page, each person's page, inviting them to sign in and
their access to the programme; the page an invitation's link opens; and anyone's own e-mail
address and digest choice."""

from django.urls import path

from .views import invitations, own_details, people

app_name = "people"

person = "programmes/<slug:programme>/people/<int:pk>"

urlpatterns = [
    path("programmes/<slug:programme>/people/", people.PeopleView.as_view(), name="list"),
    path(
        "programmes/<slug:programme>/people/new/",
        people.PersonCreateView.as_view(),
        name="add",
    ),
    path(f"{person}/", people.PersonView.as_view(), name="person"),
    path(f"{person}/invite/", people.InviteView.as_view(), name="invite"),
    path(f"{person}/access/", people.AccessGrantView.as_view(), name="access"),
    path(f"{person}/access/withdraw/", people.AccessWithdrawView.as_view(), name="withdraw"),
    path("accounts/my-email/", own_details.OwnDetailsView.as_view(), name="my-email"),
    path(
        "accounts/invitation/<uidb64>/<token>/",
        invitations.AcceptInvitationView.as_view(),
        name="accept-invitation",
    ),
]
