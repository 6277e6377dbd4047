"""Which webhook URLs the portal may send to: never its own machine or network (server-side request forgery).

A URL must be https (http only with DEBUG or WEBHOOKS_ALLOW_HTTP), and every address its host resolves to must be
public: loopback, private, link-local (the cloud metadata service), multicast, reserved and unspecified addresses are
refused unless the host is listed in WEBHOOKS_ALLOWED_HOSTS. The host is resolved, never connected to, to decide.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


def _internal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (an address given as such is itself); DNS only, no connection."""
    return sorted({info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)})


def url_refusal(url: str) -> str:
    """Why the portal refuses to send to ``url``, or "" when it may."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return _("This is not a valid URL.")
    allowed_schemes = {"https", "http"} if settings.DEBUG or settings.WEBHOOKS_ALLOW_HTTP else {"https"}
    if parts.scheme not in allowed_schemes:
        return _("The URL must start with https://.")
    host = parts.hostname
    if not host:
        return _("This is not a valid URL.")
    if parts.username or parts.password:
        return _("The URL may not contain a user name or password.")
    if host in settings.WEBHOOKS_ALLOWED_HOSTS:
        return ""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        return _("The host %(host)s cannot be found.") % {"host": host}
    for address in addresses:
        if _internal(ipaddress.ip_address(address.split("%")[0])):
            return _(
                "The host %(host)s is an internal address (%(address)s): webhooks are sent to public addresses only."
            ) % {"host": host, "address": address}
    return ""
