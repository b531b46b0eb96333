"""Links drawn in the text: a light arc from a claim to the source, actor or device it is linked to.

Arcs show for the links of the current annotation and of the annotation under the mouse, so a
page full of links stays readable. Each arc leaves its first span (a dot) and lands on the other
(an arrowhead), placed on the line pieces of Qt's own layout (bidi order, shaping): see
:func:`route`. Other coders' links (lead view) are dashed in their coder's colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF, QTextDocument

from annotator.db.services.annotations import AnnotationSpan
from annotator.db.services.relations import RelationData
from annotator.ui.codes import strong
from annotator.ui.document_state import DocumentState
from annotator.ui.span_marks import span_rects

ARC_ALPHA = 170
ARC_WIDTH = 1.6
MIN_RISE, MAX_RISE = 16.0, 70.0  # how far above the text an arc climbs, in pixels
ARROW = 7.0


@dataclass(frozen=True)
class Link:
    """One relation between two annotations of the open document."""

    uuid: str
    source_id: str
    target_id: str
    colour: str
    other: bool  # another coder's link (lead view): drawn dashed


class RelationArcs:
    """Which links to draw (those touching the current or the hovered annotation) and the drawing.

    ``span_of`` gives an annotation's ``(start, end)`` in code points as it is now (None once it
    is gone), ``to16`` converts code points to the document's UTF-16 positions.
    """

    def __init__(self, span_of: Callable[[str], tuple[int, int] | None],
                 to16: Callable[[int], int]) -> None:
        self._span_of, self._to16 = span_of, to16
        self.links: list[Link] = []
        self.current: str | None = None
        self.hovered: frozenset[str] = frozenset()

    def set_links(self, links: list[Link]) -> None:
        self.links = links

    def set_hovered(self, annotation_ids: frozenset[str]) -> bool:
        """Remember the annotations under the mouse; True when the arcs to draw change."""
        before = self.shown()
        self.hovered = annotation_ids
        return self.shown() != before

    def shown(self) -> list[Link]:
        focus = self.hovered | ({self.current} if self.current else set())
        return [link for link in self.links
                if link.source_id in focus or link.target_id in focus]

    def paint(self, painter: QPainter, document: QTextDocument, offset: QPointF) -> int:
        """Draw the arcs to show; returns how many were drawn."""
        drawn = 0
        for link in self.shown():
            source = self.rects(document, self._span_of(link.source_id))
            target = self.rects(document, self._span_of(link.target_id))
            if not source or not target:
                continue
            curve = route(source, target)
            paint_arc(painter, [point + offset for point in curve], link.colour, link.other)
            drawn += 1
        return drawn

    def rects(self, document: QTextDocument, span: tuple[int, int] | None) -> list[QRectF]:
        """The line pieces of a span (document coordinates), none once it is gone."""
        if span is None:
            return []
        return span_rects(document, self._to16(span[0]), self._to16(span[1]))


def route(source: list[QRectF], target: list[QRectF]) -> list[QPointF]:
    """Start, two control points and end of the curve from one span to the other.

    On the same lines the curve rises above them; to a span further down it leaves the bottom of
    the source's last line piece and comes down onto the top of the target's first (and the other
    way round upwards), so it crosses as little text as it can.
    """
    if target[0].top() >= source[-1].bottom() - 1:  # the target is further down
        start, end = _bottom(source[-1]), _top(target[0])
        bend = min(MAX_RISE, max(MIN_RISE, (end.y() - start.y()) / 2))
        return [start, start + QPointF(0, bend), end - QPointF(0, bend), end]
    if target[-1].bottom() <= source[0].top() + 1:  # further up
        start, end = _top(source[0]), _bottom(target[-1])
        bend = min(MAX_RISE, max(MIN_RISE, (start.y() - end.y()) / 2))
        return [start, start - QPointF(0, bend), end + QPointF(0, bend), end]
    start, end = _top(source[0]), _top(target[0])
    rise = max(MIN_RISE, min(MAX_RISE, abs(end.x() - start.x()) / 4))
    top = min(start.y(), end.y()) - rise
    return [start, QPointF(start.x(), top), QPointF(end.x(), top), end]


def _top(rect: QRectF) -> QPointF:
    return QPointF(rect.center().x(), rect.top() + 2)


def _bottom(rect: QRectF) -> QPointF:
    return QPointF(rect.center().x(), rect.bottom() - 2)


def relation_links(state: DocumentState | None, relations: list[RelationData],
                   style_of: Callable[[AnnotationSpan], tuple[str, bool]],
                   is_own: Callable[[str], bool]) -> list[Link]:
    """Links whose two ends are shown, coloured as their first end's annotation."""
    links: list[Link] = []
    for relation in relations if state is not None else []:
        source, target = state.row(relation.source_id), state.row(relation.target_id)
        if source is None or target is None:
            continue
        colour = style_of(source)[0]
        links.append(Link(relation.uuid, source.uuid, target.uuid, colour,
                          not is_own(relation.coder_id)))
    return links


def paint_arc(painter: QPainter, curve: list[QPointF], colour: str, other: bool) -> None:
    """The curve (start, two control points, end), a dot at the start and an arrow at the end."""
    start, first, second, end = curve
    ink = QColor(strong(colour))
    ink.setAlpha(ARC_ALPHA)
    pen = QPen(ink, ARC_WIDTH)
    pen.setStyle(Qt.PenStyle.DashLine if other else Qt.PenStyle.SolidLine)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    path = QPainterPath(start)
    path.cubicTo(first, second, end)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    painter.drawEllipse(start, 2.6, 2.6)
    angle = math.atan2(end.y() - second.y(), end.x() - second.x())
    wing = math.radians(28)
    painter.drawPolygon(QPolygonF([
        end,
        end - QPointF(ARROW * math.cos(angle - wing), ARROW * math.sin(angle - wing)),
        end - QPointF(ARROW * math.cos(angle + wing), ARROW * math.sin(angle + wing)),
    ]))
