"""A real OpenID provider process for the tests of the organisation's sign-in (tests/oidc/provider.mjs).

`running_provider(redirect_uris)` starts node's `oidc-provider` on a free 127.0.0.1 port and stops it afterwards;
`configure_portal(issuer)` is what an admin does in the admin: a Social application with the client id and secret,
the issuer and the e-mail domains; `sign_in_at_provider(url, account)` is a person on the provider's own login and
consent pages (requests, for the tests over HTTP; the browser test clicks through them).
"""

import json
import re
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin

import requests

HERE = Path(__file__).resolve().parent
CLIENT_ID = "portal-tests"
CLIENT_SECRET = "portal-tests-secret"
PROVIDER_ID = "ministry"
DOMAIN = "ministry.example"


@contextmanager
def running_provider(redirect_uris: list[str]):
    node = shutil.which("node")
    assert node, "node is needed for the OpenID provider of the tests"
    process = subprocess.Popen(  # noqa: S603 (the test's own script and arguments)
        [node, str(HERE / "provider.mjs"), json.dumps({"redirect_uris": redirect_uris})],
        cwd=HERE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        line = process.stdout.readline()  # blocks until the server listens, or the process ends
        match = re.match(r"listening (\S+)", line)
        assert match, f"the OpenID provider did not start: {line!r}"
        yield match.group(1)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def callback_path(provider_id: str = PROVIDER_ID) -> str:
    return f"/accounts/oidc/{provider_id}/login/callback/"


def configure_portal(issuer: str, *, provider_id: str = PROVIDER_ID, domains=(DOMAIN,)):
    from allauth.socialaccount.models import SocialApp

    return SocialApp.objects.create(
        provider="openid_connect",
        provider_id=provider_id,
        name="Ministry sign-in",
        client_id=CLIENT_ID,
        secret=CLIENT_SECRET,
        settings={"server_url": issuer, "domains": list(domains)},
    )


def sign_in_at_provider(authorize_url: str, account: str) -> str:
    """Log in as `account` on the provider's pages and consent; the portal's callback address it sends back to."""
    session = requests.Session()
    response = session.get(authorize_url, allow_redirects=True, timeout=10)
    for prompt in ("login", "consent"):
        action = re.search(r'<form[^>]*action="([^"]+)"', response.text)
        assert action and f'value="{prompt}"' in response.text, response.text[:500]
        data = {"prompt": prompt, "login": account, "password": "any"} if prompt == "login" else {"prompt": prompt}
        response = session.post(urljoin(response.url, action.group(1)), data=data, allow_redirects=False, timeout=10)
        while response.is_redirect and "/accounts/oidc/" not in response.headers["Location"]:
            response = session.get(urljoin(response.url, response.headers["Location"]), allow_redirects=False)
        if response.is_redirect:
            return response.headers["Location"]
        assert response.status_code == 200, response.text[:500]
    raise AssertionError("the provider did not send the browser back to the portal")
