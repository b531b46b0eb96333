"""The fixed parts of an .xlsx package (Office Open XML, ECMA-376): content types, relations,
workbook, styles and document properties. The sheets themselves stream from
:mod:`annotator.export.xlsx`."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from annotator import __version__

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

STYLE_HEADER = 1
STYLE_RIGHT_TO_LEFT = 2
STYLES = HEAD + (
    f'<styleSheet xmlns="{MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment readingOrder="2"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def content_types(n_sheets: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
                     for i in range(1, n_sheets + 1))
    return HEAD + (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-'
        f'officedocument.extended-properties+xml"/>{sheets}</Types>')


ROOT_RELS = HEAD + (
    f'<Relationships xmlns="{PACKAGE_RELS}">'
    f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{RELS}/extended-properties" Target="docProps/app.xml"/>'
    '</Relationships>')


def workbook_rels(n_sheets: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{i}" Type="{RELS}/worksheet" '
                     f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, n_sheets + 1))
    return HEAD + (f'<Relationships xmlns="{PACKAGE_RELS}">{sheets}'
                   f'<Relationship Id="rId{n_sheets + 1}" Type="{RELS}/styles" '
                   'Target="styles.xml"/></Relationships>')


def workbook(names: list[str], filters: list[str]) -> str:
    """``filters``: each sheet's autofilter range (``A1:T150``)."""
    sheets = "".join(f'<sheet name={quoteattr(name)} sheetId="{i}" r:id="rId{i}"/>'
                     for i, name in enumerate(names, start=1))
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{escape(absolute_range(name, ref))}</definedName>"
        for i, (name, ref) in enumerate(zip(names, filters, strict=True)))
    return HEAD + (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><bookViews><workbookView/>'
                   f"</bookViews><sheets>{sheets}</sheets><definedNames>{defined}"
                   "</definedNames></workbook>")


def absolute_range(sheet: str, ref: str) -> str:
    """``'Segments'!$A$1:$T$150``"""
    first, last = ref.split(":")

    def absolute(cell: str) -> str:
        letters = "".join(ch for ch in cell if ch.isalpha())
        return f"${letters}${cell[len(letters):]}"

    quoted = sheet.replace("'", "''")
    return f"'{quoted}'!{absolute(first)}:{absolute(last)}"


def core_properties(title: str) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return HEAD + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>Framing Annotator</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        "</cp:coreProperties>")


APP_PROPERTIES = HEAD + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
    f'properties"><Application>Framing Annotator {__version__}</Application></Properties>')
