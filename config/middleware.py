from django.utils.cache import add_never_cache_headers


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
