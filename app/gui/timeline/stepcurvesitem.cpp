// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/stepcurvesitem.h"

#include <QChart>
#include <QPainter>
#include <QValueAxis>

namespace refscope {

namespace {

// Just under Qt Charts' own series (SeriesZValue, 4, in its private
// presenter): above the grid and axes, below the load/free and lost markers.
constexpr qreal kCurvesZValue = 3.5;

} // namespace

StepCurvesItem::StepCurvesItem(QChart *chart, const QValueAxis *axisX, const QValueAxis *axisY)
    : QGraphicsItem(chart), m_chart(chart), m_axisX(axisX), m_axisY(axisY)
{
    setZValue(kCurvesZValue);
    setAcceptedMouseButtons(Qt::NoButton); // the view handles every click
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [this] {
        prepareGeometryChange();
        update();
    });
}

void StepCurvesItem::setCurves(QList<Curve> curves)
{
    m_curves = std::move(curves);
    update();
}

QRectF StepCurvesItem::boundingRect() const
{
    return m_chart->plotArea();
}

void StepCurvesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea();
    const double spanX = m_axisX->max() - m_axisX->min();
    const double spanY = m_axisY->max() - m_axisY->min();
    if (plot.isEmpty() || spanX <= 0 || spanY <= 0)
        return;
    const double scaleX = plot.width() / spanX;
    const double scaleY = plot.height() / spanY;
    painter->save();
    painter->setClipRect(plot);
    // Columns land on whole pixels: a vertical stroke stays one pixel wide
    // without antialiasing, the raster engine's fast path.
    painter->setRenderHint(QPainter::Antialiasing, false);
    for (const Curve &curve : std::as_const(m_curves)) {
        m_mapped.resize(curve.points.size());
        for (qsizetype i = 0; i < curve.points.size(); ++i) {
            const QPointF &p = curve.points.at(i);
            m_mapped[i] = QPointF(plot.left() + (p.x() - m_axisX->min()) * scaleX,
                                  plot.bottom() - (p.y() - m_axisY->min()) * scaleY);
        }
        QPen pen(curve.color, 1);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->drawPolyline(m_mapped);
    }
    painter->restore();
}

} // namespace refscope
