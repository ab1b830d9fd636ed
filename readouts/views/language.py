"""The language switcher: ``/language/fr/?next=/calls/...`` keeps the choice in a cookie.

A plain link (GET), so the switcher needs no form, no CSRF token and no JavaScript, and the page
the reader was on comes back in the language chosen, at the same URL.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def choose_language(request, code):
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such interface language.")
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
        httponly=True,
    )
    return response
