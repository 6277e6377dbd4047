"""A streaming XLSX writer: the workbook is written as it is sent, with constant memory, one worksheet of rows.

openpyxl builds a cell object per value (about 15 µs a row of ten cells) and keeps the whole file until it is
saved; exports of 100,000 rows need neither. This writes the Office Open XML parts by hand: inline strings (never
formulas, whatever the text), numbers, dates with a date format, a bold header, zipped as it goes (zipfile writes
to a stream that cannot seek by adding data descriptors).
"""

import datetime
import functools
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


def _text(value: str) -> str:
    value = _ILLEGAL.sub("", value)
    if "&" in value or "<" in value or ">" in value:
        value = escape(value)
    return '<is><t xml:space="preserve">' + value + "</t></is>"


def _cell(value) -> str:
    """One <c> element; without a reference, its column is the next one, so an empty cell is an empty <c/>."""
    kind = type(value)
    if kind is str:
        return '<c t="inlineStr">' + _text(value) + "</c>" if value else "<c/>"
    if kind is int or kind is float:
        return f"<c><v>{value!r}</v></c>"
    if kind is datetime.date:
        return f'<c s="{_DATE_STYLE}"><v>{(value - _EPOCH_DATE).days}</v></c>'
    if value is None:
        return "<c/>"
    if kind is bool:
        return f'<c t="b"><v>{int(value)}</v></c>'
    if kind is datetime.datetime:
        serial = (value.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
        return f'<c s="{_DATETIME_STYLE}"><v>{serial!r}</v></c>'
    return _cell(str(value))


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
            cells = "".join(f'<c t="inlineStr" s="{_HEADER_STYLE}">{_text(text)}</c>' for text in header)
            sheet.write(f"{_SHEET_START}<row>{cells}</row>".encode())
            # Names, labels and dates repeat from row to row: each distinct value is written once (a bounded cache).
            cell = functools.lru_cache(maxsize=4096)(_cell)
            for chunk in chunks:
                sheet.write("".join(["<row>" + "".join(map(cell, row)) + "</row>" for row in chunk]).encode())
                yield sink.take()
            sheet.write(_SHEET_END.encode())
    yield sink.take()
