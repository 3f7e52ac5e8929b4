"""Shared PDF building blocks (reportlab): styles, tables that wrap, page footer with page numbers, charts.

Text uses reportlab's standard Helvetica (WinAnsi encoding, which has the euro sign), so no font file is
needed. Characters outside WinAnsi (arrows, status symbols) are replaced by plain equivalents. Everything
is meant to read in black and white: statuses are words, charts carry their numbers as labels, table
headers are bold on light grey and rows are ruled.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

import altair as alt
import pandas as pd
import vl_convert as vlc
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ui import format as fmt

PAGE = landscape(A4)
MARGIN = 15 * mm
WIDTH = PAGE[0] - 2 * MARGIN

REPLACEMENTS = {"→": "->", "●": "", "▲": "", "■": "", "○": "", "✔": "", "✖": "", "·": "-", "×": "x", "≥": ">="}

CELL_SIZE = 7.5
_base = getSampleStyleSheet()
STYLES = {
    "cover_title": ParagraphStyle("cover_title", parent=_base["Title"], fontSize=26, leading=32, alignment=TA_LEFT),
    "cover_sub": ParagraphStyle("cover_sub", parent=_base["Normal"], fontSize=15, leading=20),
    "h1": ParagraphStyle("h1", parent=_base["Heading1"], fontSize=17, leading=21, spaceBefore=4, spaceAfter=6),
    "h2": ParagraphStyle("h2", parent=_base["Heading2"], fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4),
    "body": ParagraphStyle("body", parent=_base["Normal"], fontSize=9.5, leading=12.5),
    "note": ParagraphStyle(
        "note", parent=_base["Normal"], fontSize=8.5, leading=11, textColor=colors.HexColor("#333333")
    ),
    "cell": ParagraphStyle("cell", parent=_base["Normal"], fontSize=7.5, leading=9.2),
    "head": ParagraphStyle("head", parent=_base["Normal"], fontSize=7.5, leading=9.2, fontName="Helvetica-Bold"),
}


def plain(text: object) -> str:
    """Text reportlab's standard fonts can show, escaped for Paragraph markup."""
    value = "" if text is None else str(text)
    for old, new in REPLACEMENTS.items():
        value = value.replace(old, new)
    return escape(value.strip())


def para(text: object, style: str = "body") -> Paragraph:
    return Paragraph(plain(text), STYLES[style])


def _column_widths(frame: pd.DataFrame, width: float) -> list[float]:
    """Widths that never break a word (codes, amounts, dates) and share the rest by content length."""
    minimum, weights = [], []
    for column in frame.columns:
        texts = [plain(v) for v in frame[column]]
        words = [w for t in [*texts, plain(column)] for w in t.split()] or [""]
        longest_word = max(stringWidth(w, "Helvetica-Bold", CELL_SIZE) for w in words)
        minimum.append(min(longest_word + 8, width * 0.3))
        longest = max([len(t) for t in texts] + [len(str(column)) * 0.8])
        weights.append(min(max(longest, 4), 60) + 3)
    spare = max(width - sum(minimum), 0)
    total = sum(weights)
    widths = [m + spare * w / total for m, w in zip(minimum, weights, strict=True)]
    scale = width / sum(widths)
    return [w * scale for w in widths]


def table(frame: pd.DataFrame, width: float = WIDTH, numeric: Sequence[str] = ()) -> Table:
    """A ruled table of formatted text (the frame's columns are the headers), repeating its header row."""
    head = [Paragraph(plain(c), STYLES["head"]) for c in frame.columns]
    body = [[Paragraph(plain(v), STYLES["cell"]) for v in row] for row in frame.itertuples(index=False, name=None)]
    t = Table([head, *body], colWidths=_column_widths(frame, width), repeatRows=1, hAlign="LEFT")
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for name in numeric:
        if name in frame.columns:
            i = list(frame.columns).index(name)
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    t.setStyle(TableStyle(style))
    return t


def key_values(pairs: Sequence[tuple[str, str]], width: float = 120 * mm) -> Table:
    """A two-column table of labels and (formatted) values, for headline figures."""
    rows = [[Paragraph(plain(k), STYLES["body"]), Paragraph(f"<b>{plain(v)}</b>", STYLES["body"])] for k, v in pairs]
    t = Table(rows, colWidths=[width * 0.65, width * 0.35], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#888888")),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


def chart_image(chart: alt.TopLevelMixin, width: float) -> Image:
    """An Altair chart rendered offline to PNG (vl-convert), scaled to `width` points."""
    png = vlc.vegalite_to_png(chart.to_json(), scale=2)
    image = Image(io.BytesIO(png))
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth = width
    image.drawHeight = width * ratio
    image.hAlign = "LEFT"
    return image


def labelled_bars(data: pd.DataFrame, title: str, x_title: str, shades: Sequence[str] | None = None) -> alt.Chart:
    """Horizontal bars with the category as axis label and the count printed at each bar.

    `data` has columns label and aantal, in display order. Grey shades (or `shades`) keep the chart
    readable in black and white; the words and numbers carry the meaning, not the colour.
    """
    data = data.assign(volgorde=range(len(data)))
    colour = (
        alt.Color("label:N", scale=alt.Scale(domain=list(data["label"]), range=list(shades)), legend=None)
        if shades
        else alt.value("#4D4D4D")
    )
    base = alt.Chart(data).encode(
        y=alt.Y("label:N", title=None, sort=list(data["label"]), axis=alt.Axis(labelLimit=360, labelFontSize=12)),
        x=alt.X("aantal:Q", title=x_title, axis=alt.Axis(format="d", tickMinStep=1)),
    )
    bars = base.mark_bar(stroke="#000000", strokeWidth=0.8).encode(color=colour)
    text = base.mark_text(align="left", dx=4, fontSize=12, color="#000000").encode(text="aantal:Q")
    from ui.charts import NL_LOCALE

    return (
        (bars + text)
        .properties(title=title, width=420, height=alt.Step(24))
        .configure(locale=NL_LOCALE)
        .configure_view(stroke=None)
    )


class NumberedCanvas(rl_canvas.Canvas):
    """Adds "Pagina X van Y" and a footer line to every page (two passes, so the total is known)."""

    footer = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont("Helvetica", 8)
            self.setFillColor(colors.black)
            self.drawString(MARGIN, 8 * mm, self.footer)
            self.drawRightString(PAGE[0] - MARGIN, 8 * mm, f"Pagina {self._pageNumber} van {total}")
            super().showPage()
        super().save()


def render(story: list, title: str, footer: str, author: str = "Wijkaanpak-dashboard") -> bytes:
    """The story as PDF bytes: landscape A4, document title set, footer and page numbers on each page."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=16 * mm,
        title=title,
        author=author,
        lang="nl-NL",
    )
    canvas_class = type("Canvas", (NumberedCanvas,), {"footer": plain(footer).replace("&amp;", "&")})
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()


def generated_line(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now()
    return f"Gemaakt op {fmt.date_long(now.date())} om {now.strftime('%H:%M')}"


def gap(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)
