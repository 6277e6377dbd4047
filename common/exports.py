"""Tables to download as CSV or XLSX, streamed with constant memory, with spreadsheet formula injection neutralised.

A cell that starts with = + - @ (or a tab/carriage return) would be run as a formula by Excel or
LibreOffice; such text gets a leading apostrophe, as OWASP recommends, in both formats. A spreadsheet may also
split a CSV on `;` (Excel in Russian or Uzbek locales), on tabs or on commas, so every piece of text after such a
separator that starts a formula gets the apostrophe too, and every CSV field is quoted.

Rows are read in chunks of CHUNK_ROWS with a server-side cursor (``in_chunks``) as plain value tuples, not model
instances, and each chunk is written and sent before the next is read: memory does not grow with the rows.
"""

import csv
import datetime
import functools
import io
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from django.http import Http404, StreamingHttpResponse
from django.utils import timezone

from common.xlsx import stream_xlsx

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 200_000
CHUNK_ROWS = 2_000
FORMATS = ("csv", "xlsx")
# A separator some spreadsheet may split a cell on, then (after blanks) a character that starts a formula.
_SEGMENT_FORMULA = re.compile(r"([;,\t\r\n][ \t\r\n]*)([=+\-@])")


def neutralise(value):
    if isinstance(value, str):
        value = _SEGMENT_FORMULA.sub(r"\1'\2", value.replace("\x00", ""))
        if value.startswith(FORMULA_TRIGGERS) or value.lstrip().startswith(FORMULA_TRIGGERS):
            return "'" + value
    return value


_PLAIN = frozenset({int, float, bool, datetime.date})  # written as they are: never read as a formula
_HASHABLE = frozenset({str, datetime.date, datetime.datetime, type(None)})


def _cell(value):
    kind = type(value)
    if kind is str:
        return neutralise(value)
    if kind in _PLAIN:
        return value
    if value is None:
        return ""
    if kind is datetime.datetime:
        return value.replace(tzinfo=None)
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(part) for part in value)
    return neutralise(value)


def in_chunks(queryset, fields: Iterable[str], size: int | None = None) -> Iterator[list[tuple]]:
    """The queryset's ``fields`` as lists of at most ``size`` (CHUNK_ROWS) tuples, read with a server-side cursor."""
    size = size or CHUNK_ROWS
    if queryset._prefetch_related_lookups:  # values need none; a UNION refuses even clearing them
        queryset = queryset.prefetch_related(None)
    rows = queryset.values_list(*fields).iterator(chunk_size=size)
    while chunk := list(itertools.islice(rows, size)):
        yield chunk


def table_chunks(chunks: Iterable[list[tuple]], make_rows: Callable[[list[tuple]], Iterable[list]]):
    """Each chunk of database rows turned into table rows by ``make_rows`` and made safe for spreadsheets."""
    # Names, labels and dates repeat from row to row: each distinct value is made safe once (a bounded cache).
    cell = functools.lru_cache(maxsize=4096)(_cell)
    for chunk in chunks:
        yield [[cell(value) if type(value) in _HASHABLE else _cell(value) for value in row] for row in make_rows(chunk)]


def csv_response(filename: str, header: list[str], chunks) -> StreamingHttpResponse:
    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
        buffer.write("\ufeff")  # so that Excel reads the file as UTF-8
        writer.writerow(header)
        for chunk in chunks:
            writer.writerows(chunk)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, title: str, header: list[str], chunks) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        stream_xlsx(title, header, chunks),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(file_format: str, filename: str, title: str, header: list[str], chunks):
    """``chunks``: lists of rows already passed through ``table_chunks``."""
    if file_format == "xlsx":
        return xlsx_response(filename, title, header, chunks)
    return csv_response(filename, header, chunks)


def export_response(file_format: str, name: str, title: str, header: list[str], queryset, fields, make_rows):
    """The download of ``queryset``'s ``fields`` turned into rows by ``make_rows``, named ``<name>-<date>``."""
    chunks = table_chunks(in_chunks(queryset, fields), make_rows)
    return table_response(file_format, f"{name}-{date_stamp()}", title, header, chunks)


def check_format(file_format: str) -> None:
    if file_format not in FORMATS:
        raise Http404("Unknown format.")


def date_stamp() -> str:
    """Today's date for a download's file name."""
    return timezone.localdate().isoformat()


def choice_labels(model, field_name: str) -> dict:
    """A choice field's display labels in the active language, translated once per export, not once per row."""
    return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}
