"""Who reads the API: a personal token (``Authorization: Bearer <token>``) or the portal's session."""

from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from api.models import ApiToken


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """A personal API token authenticates as its owner, so every policy that applies to the owner applies to it.

    A revoked token, an unknown one, or one whose owner's account is deactivated is refused (401)."""

    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header must be 'Bearer <token>'."))
        try:
            secret = header[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("The token is not valid.")) from None
        token = ApiToken.find(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(_("The token is not valid."))
        if token.is_revoked:
            raise exceptions.AuthenticationFailed(_("The token has been revoked."))
        if not token.owner.is_active:
            raise exceptions.AuthenticationFailed(_("The token's account has been deactivated."))
        token.record_use()
        return token.owner, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
