"""Tables to download as CSV or XLSX (openpyxl), with spreadsheet formula injection neutralised.

A cell that starts with = + - @ (or a tab/carriage return) would be run as a formula by Excel or
LibreOffice; such text gets a leading apostrophe, as OWASP recommends, in both formats. A spreadsheet may also
split a CSV on `;` (Excel in Russian or Uzbek locales), on tabs or on commas, so every piece of text after such a
separator that starts a formula gets the apostrophe too, and every CSV field is quoted.
"""

import csv
import datetime
import io
import re

from django.http import HttpResponse, StreamingHttpResponse

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MAX_ROWS = 50_000
FORMATS = ("csv", "xlsx")
# A separator some spreadsheet may split a cell on, then (after blanks) a character that starts a formula.
_SEGMENT_FORMULA = re.compile(r"([;,\t\r\n][ \t\r\n]*)([=+\-@])")


def neutralise(value):
    if isinstance(value, str):
        value = _SEGMENT_FORMULA.sub(r"\1'\2", value.replace("\x00", ""))
        if value.startswith(FORMULA_TRIGGERS) or value.lstrip().startswith(FORMULA_TRIGGERS):
            return "'" + value
    return value


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(part) for part in value)
    return neutralise(value)


class _Echo:
    def write(self, value):
        return value


def csv_response(filename: str, header: list[str], rows) -> StreamingHttpResponse:
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL)

    def lines():
        yield "\ufeff"  # so that Excel reads the file as UTF-8
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, title: str, header: list[str], rows) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header_cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=_cell(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            elif isinstance(value, datetime.date):
                cell.number_format = "yyyy-mm-dd" if not isinstance(value, datetime.datetime) else "yyyy-mm-dd hh:mm"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(file_format: str, filename: str, title: str, header: list[str], rows):
    if file_format == "xlsx":
        return xlsx_response(filename, title, header, rows)
    return csv_response(filename, header, rows)
