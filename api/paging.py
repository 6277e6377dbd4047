"""Cursor paging: stable under inserts and deletes, and a page costs the same however deep it is."""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination


class InvalidCursor(exceptions.ParseError):
    default_code = "invalid-cursor"


class PageSizeTooLarge(exceptions.ParseError):
    default_code = "invalid-page-size"


class ApiCursorPagination(CursorPagination):
    """Ordered by the primary key (``-id`` would do too): every row has one, and it never changes.

    ``page_size`` may ask for 1 to API_MAX_PAGE_SIZE rows; anything else is refused (400), not silently changed."""

    ordering = "id"
    page_size_query_param = "page_size"

    def __init__(self):
        self.page_size = settings.API_PAGE_SIZE
        self.max_page_size = settings.API_MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return settings.API_PAGE_SIZE
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise PageSizeTooLarge(
                _("page_size must be a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
            )
        return size

    def decode_cursor(self, request):
        message = _("The cursor is not valid: use the 'next' or 'previous' link of a page as it was given.")
        try:
            cursor = super().decode_cursor(request)
        except exceptions.NotFound:
            raise InvalidCursor(message) from None
        # The position is compared with the ordering key, an id: anything else in a crafted cursor is refused here
        # rather than by the database.
        if cursor is not None and cursor.position is not None and not str(cursor.position).isdigit():
            raise InvalidCursor(message)
        return cursor
