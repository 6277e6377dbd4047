"""A streaming XLSX writer: the workbook is written as it is sent, with constant memory, one worksheet of rows.

openpyxl builds a cell object per value (about 15 µs a row of ten cells) and keeps the whole file until it is
saved; exports of 100,000 rows need neither. This writes the Office Open XML parts by hand: inline strings (never
formulas, whatever the text), numbers, dates with a date format, a bold header, zipped as it goes (zipfile writes
to a stream that cannot seek by adding data descriptors).
"""

import datetime
import re
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

# Characters XML 1.0 does not allow (openpyxl refuses them too); tabs and line breaks stay.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = datetime.datetime(1899, 12, 30)
_EPOCH_DATE = _EPOCH.date()
_DATE_STYLE, _DATETIME_STYLE, _HEADER_STYLE = 1, 2, 3

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>"""
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>\
<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""
_SHEET_START = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
_SHEET_END = "</sheetData></worksheet>"


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _text(value: str) -> str:
    return '<is><t xml:space="preserve">' + escape(_ILLEGAL.sub("", value)) + "</t></is>"


def _cell(reference: str, value, style: int = 0) -> str:
    """One <c> element; None and "" give an empty cell."""
    if value is None or value == "":
        return ""
    kind = type(value)
    if kind is str:
        styled = f' s="{style}"' if style else ""
        return f'<c r="{reference}" t="inlineStr"{styled}>{_text(value)}</c>'
    if kind is bool:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    if kind is datetime.date:
        return f'<c r="{reference}" s="{_DATE_STYLE}"><v>{(value - _EPOCH_DATE).days}</v></c>'
    if kind is datetime.datetime:
        serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        return f'<c r="{reference}" s="{_DATETIME_STYLE}"><v>{serial!r}</v></c>'
    return _cell(reference, str(value), style)


class _Sink:
    """A write-only stream that keeps what was written until it is taken."""

    def __init__(self):
        self.parts: list[bytes] = []

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self.parts)
        self.parts.clear()
        return data


def stream_xlsx(title: str, header: list[str], chunks: Iterable[list]) -> Iterator[bytes]:
    """The bytes of an .xlsx file with one sheet named ``title``: ``header`` in bold, then the rows of each chunk.

    Values are str, int, float, bool, date, datetime or None; the caller neutralises formula-like text.
    """
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name=escape(title[:31], {'"': "&quot;"})))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        yield sink.take()
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            letters = [column_letter(index) for index in range(len(header))]
            titles = zip(letters, header, strict=True)
            cells = "".join(_cell(f"{letter}1", text, _HEADER_STYLE) for letter, text in titles)
            sheet.write((_SHEET_START + f'<row r="1">{cells}</row>').encode())
            number = 1
            for chunk in chunks:
                parts = []
                for row in chunk:
                    number += 1
                    suffix = str(number)
                    cells = "".join([_cell(letter + suffix, value) for letter, value in zip(letters, row, strict=True)])
                    parts.append(f'<row r="{suffix}">{cells}</row>')
                sheet.write("".join(parts).encode())
                yield sink.take()
            sheet.write(_SHEET_END.encode())
    yield sink.take()
