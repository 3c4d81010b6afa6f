"""What the provider says about its users: an e-mail address, verified unless the user's
last name says "unverified" (as a provider says of an address nobody has confirmed); and
Dave's ID token, signed with the provider's key as any other, is issued to another application
(its audience), as a token meant for another of the council's applications would be."""

ANOTHER_CLIENT = "another-council-application"


def userinfo(claims, user):
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    claims["email_verified"] = user.last_name != "unverified"
    return claims


def id_token(id_token, user, token, request, **kwargs):
    if user.username == "dave":
        id_token["aud"] = ANOTHER_CLIENT
    return id_token
