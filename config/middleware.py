from django.conf import settings
from django.contrib.auth import SESSION_KEY as AUTH_SESSION_KEY
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

# When the session's expiry was last moved forward (seconds since the epoch), kept in the session itself.
REFRESHED_AT = "_refreshed_at"


class VietnameseFirstMiddleware:
    """Ignore the browser's Accept-Language: the interface is Vietnamese unless the user picks English.

    Officials' browsers are often set to English; they still expect the Vietnamese interface.
    The language menu sets the cookie that LocaleMiddleware reads.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """No browser or proxy keeps a copy of what a signed-in user was shown.

    Pages show one unit's data: after sign-out on a shared office computer, Back or the history must not
    bring them up again. Anonymous pages (sign-in, the public verification page) and static files (served
    by WhiteNoise before this runs) keep their own caching, and so does a response its view declared public.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not declared_public(response):
            add_never_cache_headers(response)  # private, no-store, no-cache, max-age=0
        return response


def declared_public(response) -> bool:
    directives = (part.split("=", 1)[0].strip().lower() for part in response.get("Cache-Control", "").split(","))
    return "public" in directives


class SlidingSessionMiddleware:
    """Move a signed-in session's expiry forward when it was last moved more than SESSION_REFRESH_MARGIN ago.

    SESSION_SAVE_EVERY_REQUEST would write the session row on every request (three statements on PostgreSQL:
    BEGIN, UPDATE, COMMIT) only to push its expiry a few seconds on. Writing it at most once a margin keeps the
    idle timeout within that margin of SESSION_COOKIE_AGE. Must come right after SessionMiddleware, whose
    response phase saves what this marks as modified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        # Only a signed-in session some code has already read: looking into a bare cookie's session would cost a
        # query, and a visitor who is not signed in has nothing to keep.
        if session is not None and session.accessed and AUTH_SESSION_KEY in session:
            now = int(timezone.now().timestamp())  # the clock the session's expiry is set and checked by
            if now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_MARGIN:
                session[REFRESHED_AT] = now
        return response
