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
