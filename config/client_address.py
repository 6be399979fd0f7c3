"""The address of the person behind a request, for login throttling (django-axes' AXES_CLIENT_IP_CALLABLE).

Behind nginx every request comes from the proxy's address, so throttling on REMOTE_ADDR would lock a user
out for everyone. The proxy appends the address it saw to X-Forwarded-For; reading that list from the right
and skipping the proxies we trust gives the first address nobody we trust vouches for. Entries further left
were written by the client and are ignored, so they cannot be forged to dodge or cause a lockout. Without
TRUSTED_PROXIES the header is never read (settings.TRUSTED_PROXY_NETWORKS holds them parsed).
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _is_trusted(address: str, trusted: list) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in trusted)


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    trusted = settings.TRUSTED_PROXY_NETWORKS
    if not remote or not _is_trusted(remote, trusted):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        if not _is_trusted(address, trusted):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # garbage where the proxy should have written an address: key on the proxy
    return remote  # every hop is one of ours (a health check from the proxy itself)
