"""What the provider says about its users: an e-mail address, verified unless the user's
last name says "unverified" (as a provider says of an address nobody has confirmed)."""


def userinfo(claims, user):
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    claims["email_verified"] = user.last_name != "unverified"
    return claims
