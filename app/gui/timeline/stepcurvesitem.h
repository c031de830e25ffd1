// SPDX-License-Identifier: GPL-3.0-or-later
// The shown modules' step lines, drawn inside the chart's plot area as one
// plain polyline each. Why not QLineSeries: on every replace() Qt Charts'
// line item strokes an outline of the whole line (QPainterPathStroker with
// miter joins, for hover hit-testing) and then fills a QPainterPath; at the
// two points per pixel column a dense recording needs, that costs more than
// all the rest of a frame. The series stay in the chart for the legend, and
// carry the curves when the user turns OpenGL on (Qt Charts' GL path skips
// the outline).
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPointF>

class QChart;
class QValueAxis;

namespace refscope {

class StepCurvesItem : public QGraphicsItem {
public:
    // Maps values through the chart's plot area and these axes' ranges.
    StepCurvesItem(QChart *chart, const QValueAxis *axisX, const QValueAxis *axisY);

    struct Curve {
        QList<QPointF> points; // in axis values: seconds, lsmod's count
        QColor color;
    };
    void setCurves(QList<Curve> curves);
    const QList<Curve> &curves() const { return m_curves; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    const QValueAxis *m_axisX;
    const QValueAxis *m_axisY;
    QList<Curve> m_curves;
    QPolygonF m_mapped; // reused by paint(): no allocation per frame
};

} // namespace refscope
