// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's mouse: wheel zoom around the pointer, drag to pan,
// Shift+drag to zoom to a band, click for marker A (and the nearest event),
// right-click for marker B, double-click for the whole recording.
#include "timeline/timelinechartview.h"

#include <QMouseEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace refscope {

namespace {
// A press that moves less than this is a click, not a drag.
constexpr int kDragThresholdPx = 4;
constexpr double kWheelZoomStep = 0.8; // per notch
} // namespace

void TimelineChartView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0)
        return;
    zoom(std::pow(kWheelZoomStep, notches), timeAtPixel(event->position().x()));
    event->accept();
}

void TimelineChartView::mousePressEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (!plotRect().contains(pos))
        return;
    if (event->button() == Qt::RightButton) {
        setMarkerB(timeAtPixel(pos.x()));
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    m_drag = event->modifiers() & Qt::ShiftModifier ? Drag::Band : Drag::Pending;
    m_pressPos = pos.toPoint();
    m_pressFromNs = m_fromNs;
    m_pressToNs = m_toNs;
}

void TimelineChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() >= kDragThresholdPx)
        m_drag = Drag::Pan;
    if (m_drag == Drag::Pan) {
        const double nsPerPixel = double(m_pressToNs - m_pressFromNs) / plotWidthPixels();
        const qint64 shift = qint64((pos.x() - m_pressPos.x()) * nsPerPixel);
        setWindow(m_pressFromNs - shift, m_pressToNs - shift);
    } else if (m_drag == Drag::Band) {
        const QRectF plot = plotRect();
        const double left =
            std::clamp(double(std::min(pos.x(), m_pressPos.x())), plot.left(), plot.right());
        const double right =
            std::clamp(double(std::max(pos.x(), m_pressPos.x())), plot.left(), plot.right());
        m_markers.band = mapToScene(QRectF(left, plot.top(), right - left, plot.height()).toRect())
                             .boundingRect();
        viewport()->update();
    }
}

void TimelineChartView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = std::exchange(m_drag, Drag::None);
    const double x = event->position().x();
    if (drag == Drag::Pending) {
        const qint64 t = timeAtPixel(x);
        setMarkerA(t);
        emit timeClicked(t);
    } else if (drag == Drag::Band) {
        const double left = std::min(x, double(m_pressPos.x()));
        const double right = std::max(x, double(m_pressPos.x()));
        m_markers.band = {};
        viewport()->update();
        if (right - left >= kDragThresholdPx)
            setWindow(timeAtPixel(left), timeAtPixel(right));
    }
}

void TimelineChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        resetWindow();
}

} // namespace refscope
