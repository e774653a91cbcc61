"""The address of the person making a request, for the sign-in lockout and the audit log.

Directly on the internet (DAPI_TRUSTED_PROXY_COUNT=0, the default) it is the connection's own
address, REMOTE_ADDR: anything a client puts in X-Forwarded-For is ignored, since anyone can send
it. Behind N proxies that each append the address they were connected from to
DAPI_TRUSTED_PROXY_HEADER (N=DAPI_TRUSTED_PROXY_COUNT), it is the N-th address from the right of
that header: the one the outermost of our proxies saw. Addresses further left were sent by the
client and could be anything. A request with fewer entries than N did not come through all the
proxies, and one whose entry is not an IP address is malformed: both fall back to REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings


def _meta_key(header: str) -> str:
    return "HTTP_" + header.upper().replace("-", "_")


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def behind_trusted_proxies() -> bool:
    return settings.DAPI_TRUSTED_PROXY_COUNT > 0


def client_address(request) -> str | None:
    """The client's IP address as described above (django-axes' AXES_CLIENT_IP_CALLABLE)."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.DAPI_TRUSTED_PROXY_COUNT
    if count > 0:
        entries = [e for e in request.META.get(_meta_key(settings.DAPI_TRUSTED_PROXY_HEADER), "").split(",")
                   if e.strip()]
        if len(entries) >= count and (address := _valid(entries[-count])):
            return address
    return remote
