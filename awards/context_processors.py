from awards.permissions import appraising_units, proposing_units


def award_links(request):
    """Which award pages to offer: a link must never lead the user to a refusal."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"awards_proposes": bool(proposing_units(user)), "awards_appraises": bool(appraising_units(user))}
