// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelinemarkers.h"

#include "events/eventstore.h"
#include "models/eventtablemodel.h"

#include <QPainter>
#include <QPolygonF>

#include <cmath>

namespace refscope {

QString TimelineMarkers::formatDuration(qint64 ns)
{
    const double magnitude = std::abs(double(ns));
    if (magnitude >= 1e9)
        return tr("%1 s").arg(double(ns) / 1e9, 0, 'f', 6);
    if (magnitude >= 1e6)
        return tr("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
    if (magnitude >= 1e3)
        return tr("%1 µs").arg(double(ns) / 1e3, 0, 'f', 3);
    return tr("%1 ns").arg(ns);
}

QString TimelineMarkers::summary(const EventStore *store, const QStringList &modules) const
{
    QStringList parts;
    if (aNs)
        parts << tr("A %1 s").arg(EventTableModel::formatTimestamp(*aNs));
    if (bNs)
        parts << tr("B %1 s").arg(EventTableModel::formatTimestamp(*bNs));
    if (!aNs || !bNs)
        return parts.isEmpty() ? tr("Click to place marker A, right-click for B")
                               : parts.join(u"  ");
    parts << tr("Δt %1").arg(formatDuration(*bNs - *aNs));
    if (store) {
        for (const QString &module : modules) {
            const int id = store->findModule(module);
            if (id < 0)
                continue;
            const int delta = store->countAt(id, *bNs) - store->countAt(id, *aNs);
            parts << tr("Δ %1 %2").arg(module, (delta > 0 ? QStringLiteral("+") : QString()) +
                                                   QString::number(delta));
        }
    }
    return parts.join(u"  ");
}

void TimelineMarkers::paint(QPainter *painter, const QRectF &plot,
                            const std::function<double(qint64)> &toPixel) const
{
    if (cursorNs)
        paintLine(painter, plot, toPixel(*cursorNs), Line::Cursor);
    if (aNs)
        paintLine(painter, plot, toPixel(*aNs), Line::A);
    if (bNs)
        paintLine(painter, plot, toPixel(*bNs), Line::B);
    for (int row = 0; row < annotations.size(); ++row)
        paintAnnotation(painter, plot, toPixel(annotations.at(row).ns), row,
                        annotations.at(row).label);
    paintBand(painter);
}

void TimelineMarkers::paintAnnotation(QPainter *painter, const QRectF &plot, double x, int row,
                                      const QString &label)
{
    if (x < plot.left() || x > plot.right())
        return;
    const QColor color(0x80, 0x30, 0xa0);
    painter->save();
    painter->setPen(QPen(color, 2));
    painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    // A triangle on the time axis, like the load/free markers.
    painter->setBrush(color);
    painter->drawPolygon(QPolygonF{QPointF(x, plot.bottom() - 8), QPointF(x - 5, plot.bottom()),
                                   QPointF(x + 5, plot.bottom())});
    const QFontMetrics metrics = painter->fontMetrics();
    const double width = metrics.horizontalAdvance(label);
    // Right of the line, or left of it where the plot ends.
    const double left = x + 4 + width > plot.right() ? x - 4 - width : x + 4;
    const double baseline = plot.top() + metrics.height() * (row + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(255, 255, 255, 210));
    painter->drawRect(QRectF(left - 2, baseline - metrics.ascent(), width + 4, metrics.height()));
    painter->setPen(color);
    painter->drawText(QPointF(left, baseline), label);
    painter->restore();
}

void TimelineMarkers::paintLine(QPainter *painter, const QRectF &plot, double x, Line line)
{
    if (x < plot.left() || x > plot.right())
        return;
    QColor color;
    QString label;
    switch (line) {
    case Line::Cursor:
        color = QColor(0x30, 0x60, 0xd0);
        break;
    case Line::A:
        color = QColor(0x20, 0x90, 0x30);
        label = QStringLiteral("A");
        break;
    case Line::B:
        color = QColor(0xc0, 0x50, 0x10);
        label = QStringLiteral("B");
        break;
    }
    painter->save();
    painter->setPen(QPen(color, 1, line == Line::Cursor ? Qt::DashLine : Qt::SolidLine));
    painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    if (!label.isEmpty()) {
        painter->setPen(color);
        painter->drawText(QPointF(x + 3, plot.top() + painter->fontMetrics().ascent()), label);
    }
    painter->restore();
}

void TimelineMarkers::paintBand(QPainter *painter) const
{
    if (band.isEmpty())
        return;
    painter->save();
    painter->setPen(QPen(QColor(0x30, 0x60, 0xd0), 1));
    painter->setBrush(QColor(0x30, 0x60, 0xd0, 40));
    painter->drawRect(band);
    painter->restore();
}

} // namespace refscope
