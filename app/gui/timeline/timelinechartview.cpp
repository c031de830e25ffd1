// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelinechartview.h"

#include "events/chartdecimation.h"
#include "timeline/stepcurvesitem.h"

#include <QGlyphRun>
#include <QLineSeries>
#include <QRawFont>
#include <QScatterSeries>
#include <QTextLayout>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace refscope {

namespace {

// Below this a window shows less than a nanosecond per pixel: nothing more
// to see.
constexpr qint64 kMinimumSpanNs = 200;

// How often a live capture's axis moves on without events.
constexpr int kLiveTickMs = 500;

qint64 steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The tick interval on the time axis: 1, 2 or 5 × 10^n seconds, about six
// ticks a window, so labels read 3601.5, not 3600.83.
double timeTickInterval(double spanSeconds)
{
    const double raw = std::max(spanSeconds / 6, 1e-9);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double step : {1.0, 2.0, 5.0}) {
        if (step * magnitude >= raw)
            return step * magnitude;
    }
    return 10 * magnitude;
}

// Digits after the point that write the interval's ticks exactly.
int labelDecimals(double tickSeconds)
{
    return std::clamp(int(std::ceil(-std::log10(tickSeconds) - 1e-9)), 0, 9);
}

// The tick interval on the count axis: a whole number of 1, 2 or 5 × 10^n.
double countTickInterval(int top)
{
    const double raw = std::max(1.0, top / 5.0);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= raw)
            return step * magnitude;
    }
    return 10 * magnitude;
}

QColor curveColor(int curve)
{
    static const QColor colors[] = {QColor(0x20, 0x50, 0xb0), QColor(0xa0, 0x20, 0x80),
                                    QColor(0x10, 0x80, 0x90), QColor(0x60, 0x40, 0x20),
                                    QColor(0x70, 0x70, 0x70), QColor(0xc0, 0x20, 0x30)};
    return colors[curve % std::size(colors)];
}

// `font` in the family that actually draws `text`. Qt Charts gives a
// vertical axis title the thickness of its font's lines; Chinese falls back
// to a CJK family with taller lines, so the title was elided to "…".
QFont fontDrawing(const QString &text, QFont font)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    qreal tallest = QFontMetricsF(font).height();
    for (const QGlyphRun &run : layout.glyphRuns()) {
        const QRawFont raw = run.rawFont();
        if (raw.ascent() + raw.descent() > tallest) {
            tallest = raw.ascent() + raw.descent();
            font.setFamilies({raw.familyName()});
        }
    }
    return font;
}

QScatterSeries *makeMarkerSeries(const QString &name, QScatterSeries::MarkerShape shape,
                                 const QColor &color)
{
    auto *series = new QScatterSeries;
    series->setName(name);
    series->setMarkerShape(shape);
    series->setMarkerSize(9);
    series->setColor(color);
    series->setBorderColor(color.darker());
    return series;
}

} // namespace

TimelineChartView::TimelineChartView(QWidget *parent)
    : QChartView(new QChart, parent),
      m_loadFree(makeMarkerSeries(tr("module_load / module_free"),
                                  QScatterSeries::MarkerShapeTriangle, QColor(0x20, 0x90, 0x30))),
      m_lost(makeMarkerSeries(tr("lost events"), QScatterSeries::MarkerShapeRectangle,
                              QColor(0xe0, 0x80, 0x00))),
      m_axisX(new QValueAxis), m_axisY(new QValueAxis), m_liveTick(new QTimer(this))
{
    m_liveTick->setInterval(kLiveTickMs);
    connect(m_liveTick, &QTimer::timeout, this, [this] {
        if (const std::optional<qint64> now = nowNs())
            m_coveredEndNs = std::max(m_coveredEndNs, *now);
        storeGrew();
    });
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(220);
    setRubberBand(QChartView::NoRubberBand);
    setMouseTracking(false);
    setToolTip(tr("Wheel: zoom · drag: pan · Shift+drag: zoom to a band · click: marker A · "
                  "right-click: marker B · double-click: whole recording"));
    QChart *c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignTop);
    c->setMargins(QMargins(4, 4, 4, 4));
    m_axisX->setTitleText(tr("Time (s)"));
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisY->setTitleText(tr("References (lsmod)"));
    m_axisY->setLabelFormat(QStringLiteral("%d"));
    m_axisY->setTickType(QValueAxis::TicksDynamic);
    m_axisY->setTickAnchor(0);
    c->addAxis(m_axisX, Qt::AlignBottom);
    c->addAxis(m_axisY, Qt::AlignLeft);
    // After addAxis, which gives the theme's (bold) title font.
    m_axisY->setTitleFont(fontDrawing(m_axisY->titleText(), m_axisY->titleFont()));
    for (QScatterSeries *series : {m_loadFree, m_lost}) {
        c->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    m_curves = new StepCurvesItem(c, m_axisX, m_axisY); // owned by the chart
    updateAxes(1);
}

TimelineChartView::~TimelineChartView() = default;

void TimelineChartView::setStore(std::shared_ptr<const EventStore> store)
{
    m_store = std::move(store);
    m_loadFreeEvents.clear();
    m_indexedEvents = 0;
    indexLoadFree(0);
    m_markers = {};
    emit markersChanged();
    m_live = false;
    m_liveTick->stop();
    m_clockOffsetNs.reset();
    m_coveredEndNs = 0;
    m_fromNs = recordingStartNs();
    m_toNs = m_shownEndNs = recordingEndNs();
    redraw();
    emit windowChanged(m_fromNs, m_toNs);
}

void TimelineChartView::storeGrew()
{
    // A window that reached the end before the new events keeps showing
    // the end, like a terminal that follows its output; one that showed the
    // whole recording keeps showing all of it as it grows.
    const bool followEnd = m_toNs >= m_shownEndNs;
    const bool showsAll = followEnd && m_fromNs <= recordingStartNs();
    indexLoadFree(m_indexedEvents);
    m_shownEndNs = recordingEndNs();
    if (followEnd) {
        const qint64 span = m_toNs - m_fromNs;
        m_toNs = recordingEndNs();
        m_fromNs = showsAll ? recordingStartNs() : std::max(recordingStartNs(), m_toNs - span);
        emit windowChanged(m_fromNs, m_toNs);
    }
    scheduleRedraw();
}

void TimelineChartView::setLive(bool live)
{
    if (live == m_live)
        return;
    if (!live) { // the recording covers until it stopped
        if (const std::optional<qint64> now = nowNs())
            m_coveredEndNs = std::max(m_coveredEndNs, *now);
    }
    m_live = live;
    if (live)
        m_liveTick->start();
    else
        m_liveTick->stop();
    storeGrew();
}

void TimelineChartView::noteArrival(qint64 newestNs)
{
    if (!m_live)
        return;
    // An event arrives after it happened, never before: the largest
    // difference seen is the closest to the clocks' true offset.
    const qint64 offset = newestNs - steadyNowNs();
    m_clockOffsetNs = std::max(m_clockOffsetNs.value_or(offset), offset);
}

std::optional<qint64> TimelineChartView::nowNs() const
{
    if (!m_clockOffsetNs)
        return std::nullopt;
    return steadyNowNs() + *m_clockOffsetNs;
}

qint64 TimelineChartView::recordingStartNs() const
{
    return m_store && m_store->size() ? m_store->timestampNs(0) : 0;
}

qint64 TimelineChartView::recordingEndNs() const
{
    // One past the last event: windows are half-open and must include it.
    // A live capture spans a few seconds at least and reaches now; a
    // stopped one, until it stopped; and a marked moment is on the axis.
    const qint64 start = recordingStartNs();
    qint64 end = std::max(start + (m_live ? kLiveSpanNs : kMinimumSpanNs), m_coveredEndNs);
    if (m_store && m_store->size())
        end = std::max(end, m_store->timestampNs(m_store->size() - 1) + 1);
    for (const TimelineMarkers::Annotation &annotation : m_markers.annotations)
        end = std::max(end, annotation.ns + 1);
    return end;
}

void TimelineChartView::setWindow(qint64 fromNs, qint64 toNs)
{
    const qint64 start = recordingStartNs();
    const qint64 end = recordingEndNs();
    const qint64 span = std::clamp(toNs - fromNs, kMinimumSpanNs, end - start);
    const qint64 from = std::clamp(fromNs, start, end - span);
    if (from == m_fromNs && from + span == m_toNs)
        return;
    m_fromNs = from;
    m_toNs = from + span;
    redraw();
    emit windowChanged(m_fromNs, m_toNs);
}

void TimelineChartView::resetWindow()
{
    setWindow(recordingStartNs(), recordingEndNs());
}

void TimelineChartView::zoom(double factor, qint64 aroundNs)
{
    const double span = double(m_toNs - m_fromNs) * factor;
    const qint64 from = aroundNs - qint64(double(aroundNs - m_fromNs) * factor);
    setWindow(from, from + qint64(std::max(span, 1.0)));
}

void TimelineChartView::panByPixels(double dx)
{
    const double nsPerPixel = double(m_toNs - m_fromNs) / plotWidthPixels();
    const qint64 shift = qint64(dx * nsPerPixel);
    setWindow(m_fromNs - shift, m_toNs - shift);
}

void TimelineChartView::setEventCursor(std::optional<qint64> timestampNs)
{
    m_markers.cursorNs = timestampNs;
    // An event off screen is brought to the middle, at the same zoom.
    if (timestampNs && (*timestampNs < m_fromNs || *timestampNs >= m_toNs)) {
        const qint64 half = (m_toNs - m_fromNs) / 2;
        setWindow(*timestampNs - half, *timestampNs - half + (m_toNs - m_fromNs));
    }
    viewport()->update();
}

void TimelineChartView::setMarkerA(std::optional<qint64> timestampNs)
{
    m_markers.aNs = timestampNs;
    viewport()->update();
    emit markersChanged();
}

void TimelineChartView::addAnnotation(qint64 timestampNs, const QString &label)
{
    m_markers.annotations.append({timestampNs, label});
    storeGrew(); // a window that showed the end follows it to the mark
    viewport()->update();
}

void TimelineChartView::setMarkerB(std::optional<qint64> timestampNs)
{
    m_markers.bNs = timestampNs;
    viewport()->update();
    emit markersChanged();
}

QRectF TimelineChartView::plotRect() const
{
    return mapFromScene(chart()->mapToScene(chart()->plotArea())).boundingRect();
}

int TimelineChartView::plotWidthPixels() const
{
    return std::max(1, int(std::lround(chart()->plotArea().width())));
}

qint64 TimelineChartView::timeAtPixel(double x) const
{
    const QRectF plot = plotRect();
    const double fraction = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0;
    return m_fromNs + qint64(std::llround(fraction * double(m_toNs - m_fromNs)));
}

double TimelineChartView::pixelOfTime(qint64 ns) const
{
    const QRectF plot = plotRect();
    return plot.left() + double(ns - m_fromNs) / double(m_toNs - m_fromNs) * plot.width();
}

QList<QPointF> TimelineChartView::curvePoints(const QString &module) const
{
    const qsizetype curve = m_modules.indexOf(module);
    return curve < 0 || curve >= m_curves->curves().size() ? QList<QPointF>()
                                                           : m_curves->curves().at(curve).points;
}

void TimelineChartView::setModules(const QStringList &modules)
{
    if (modules == m_modules)
        return;
    m_modules = modules;
    rebuildSeries();
    redraw();
    emit markersChanged(); // the A-B summary names the shown modules
}

void TimelineChartView::rebuildSeries()
{
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (m_modules.contains(it.key())) {
            ++it;
            continue;
        }
        chart()->removeSeries(it.value());
        delete it.value();
        it = m_series.erase(it);
    }
    for (const QString &module : m_modules) {
        if (QLineSeries *kept = m_series.value(module)) {
            // Its colour follows its place among the modules shown now: the
            // one it had alone would be a newcomer's too.
            QPen pen = kept->pen();
            pen.setColor(curveColor(m_modules.indexOf(module)));
            kept->setPen(pen);
            continue;
        }
        auto *series = new QLineSeries;
        series->setName(module);
        series->setUseOpenGL(m_useOpenGL);
        chart()->addSeries(series);
        // After addSeries, which would give the theme's colours; ours keep
        // clear of the load/free green and the lost-events orange.
        // A one-pixel cosmetic pen: the raster engine's fast path; wider
        // pens make Qt stroke the path, several times slower.
        QPen pen(curveColor(m_modules.indexOf(module)), 1);
        pen.setCosmetic(true);
        series->setPen(pen);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        m_series.insert(module, series);
    }
}

void TimelineChartView::setUseOpenGL(bool on)
{
    m_useOpenGL = on;
    for (QLineSeries *series : std::as_const(m_series)) {
        series->setUseOpenGL(on);
        series->clear(); // refilled by redraw() when they carry the curves
    }
    m_curves->setVisible(!on);
    redraw();
}

void TimelineChartView::indexLoadFree(std::size_t from)
{
    if (!m_store)
        return;
    for (std::size_t i = from; i < m_store->size(); ++i) {
        const ModuleEventKind kind = m_store->kind(i);
        if (kind == ModuleEventKind::Load || kind == ModuleEventKind::Free)
            m_loadFreeEvents.push_back(std::uint32_t(i));
    }
    m_indexedEvents = m_store->size();
}

void TimelineChartView::scheduleRedraw()
{
    if (m_redrawPending)
        return;
    m_redrawPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_redrawPending)
            redraw();
    });
}

void TimelineChartView::redraw()
{
    m_redrawPending = false;
    const int pixels = plotWidthPixels();
    int maxCount = 1;
    QList<QList<QPointF>> lines;
    m_laneMax.clear();
    for (const QString &module : std::as_const(m_modules)) {
        const int id = m_store ? m_store->findModule(module) : -1;
        if (id < 0) {
            lines.append(QList<QPointF>());
            m_laneMax.append(1);
            continue;
        }
        const QList<CountBucket> buckets = m_store->countBuckets(id, m_fromNs, m_toNs, pixels);
        const int before = m_store->countAt(id, m_fromNs - 1);
        int laneMax = std::max(1, before);
        for (const CountBucket &bucket : buckets)
            laneMax = std::max(laneMax, bucket.max);
        maxCount = std::max(maxCount, laneMax);
        m_laneMax.append(laneMax);
        lines.append(stepLinePoints(buckets, before));
    }
    if (inLanes()) {
        for (qsizetype lane = 0; lane < lines.size(); ++lane)
            for (QPointF &p : lines[lane])
                p.setY(laneY(int(lane), p.y()));
    }
    // The axes first: a range change makes Qt Charts lay out every series
    // again, so after the replace()s it would do that work twice.
    updateAxes(maxCount);
    QList<StepCurvesItem::Curve> curves;
    for (qsizetype i = 0; i < m_modules.size(); ++i) {
        QLineSeries *series = m_series.value(m_modules.at(i));
        if (m_useOpenGL)
            series->replace(lines.at(i));
        curves.append({lines.at(i), series->pen().color()}); // the legend's colour
    }
    m_curves->setCurves(std::move(curves));
    updateMarkerSeries(maxCount);
    viewport()->update();
}

void TimelineChartView::updateMarkerSeries(int top)
{
    const int pixels = plotWidthPixels();
    const double nsPerPixel = double(m_toNs - m_fromNs) / pixels;
    // One marker per pixel column at most: a module loaded in a loop must
    // not cost a point per load.
    const auto column = [&](qint64 ns) { return qint64(double(ns - m_fromNs) / nsPerPixel); };
    QList<QPointF> loadFree;
    if (m_store) {
        QList<int> shown;
        for (const QString &module : std::as_const(m_modules))
            shown.append(m_store->findModule(module));
        auto it = std::lower_bound(
            m_loadFreeEvents.begin(), m_loadFreeEvents.end(), m_fromNs,
            [this](std::uint32_t index, qint64 t) { return m_store->timestampNs(index) < t; });
        qint64 lastColumn = -1;
        for (; it != m_loadFreeEvents.end() && m_store->timestampNs(*it) < m_toNs; ++it) {
            const int id = m_store->moduleId(*it);
            const qint64 t = m_store->timestampNs(*it);
            if (!shown.contains(id) || column(t) == lastColumn)
                continue;
            lastColumn = column(t);
            loadFree.append(
                {nsToChartX(t), laneY(int(shown.indexOf(id)), double(m_store->countAt(id, t)))});
        }
    }
    m_loadFree->replace(loadFree);
    QList<QPointF> lost;
    if (m_store) {
        qint64 lastColumn = -1;
        for (const LostEvents &loss : m_store->lostEvents()) {
            if (loss.timestampNs < m_fromNs || loss.timestampNs >= m_toNs ||
                column(loss.timestampNs) == lastColumn)
                continue;
            lastColumn = column(loss.timestampNs);
            lost.append(
                {nsToChartX(loss.timestampNs), inLanes() ? double(m_modules.size()) : double(top)});
        }
    }
    m_lost->replace(lost);
}

double TimelineChartView::laneY(int lane, double count) const
{
    if (!inLanes())
        return count;
    // The top tenth of each band is left free: the lane under it stays apart.
    constexpr double kFill = 0.85;
    const int lanes = int(m_modules.size());
    return double(lanes - 1 - lane) + kFill * count / std::max(1, m_laneMax.value(lane, 1));
}

void TimelineChartView::setLayout(Layout layout)
{
    if (layout == m_layout)
        return;
    m_layout = layout;
    redraw();
}

void TimelineChartView::updateAxes(int maxCount)
{
    const double tick = timeTickInterval(double(m_toNs - m_fromNs) / 1e9);
    m_axisX->setTickInterval(tick);
    m_axisX->setLabelFormat(QStringLiteral("%.%1f").arg(labelDecimals(tick)));
    m_axisX->setRange(nsToChartX(m_fromNs), nsToChartX(m_toNs));
    // In lanes, one band per module: the count scale is each lane's own,
    // written in the lane, so the shared axis has no numbers.
    m_axisY->setLabelsVisible(!inLanes());
    if (inLanes()) {
        m_axisY->setTickInterval(1);
        m_axisY->setRange(0, double(m_modules.size()));
        return;
    }
    // Headroom above the highest count so a plateau is not drawn on the frame.
    const int top = maxCount + std::max(1, maxCount / 10);
    m_axisY->setTickInterval(countTickInterval(top));
    m_axisY->setRange(0, top);
}

void TimelineChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // The plot area follows the new size only once the chart is laid out.
    scheduleRedraw();
}

void TimelineChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    // The painter is in scene coordinates, like the chart.
    const QRectF plot = chart()->mapToScene(chart()->plotArea()).boundingRect();
    const double span = double(m_toNs - m_fromNs);
    m_markers.paint(painter, plot, [&](qint64 ns) {
        return plot.left() + double(ns - m_fromNs) / span * plot.width();
    });
    if (!inLanes())
        return;
    // Each lane's module and its scale, at the lane's top left.
    const qsizetype lanes = m_modules.size();
    const double laneHeight = plot.height() / double(lanes);
    painter->save();
    const QList<StepCurvesItem::Curve> &curves = m_curves->curves();
    for (qsizetype lane = 0; lane < lanes; ++lane) {
        const double top = plot.top() + double(lane) * laneHeight;
        if (lane > 0) {
            painter->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
            painter->drawLine(QPointF(plot.left(), top), QPointF(plot.right(), top));
        }
        const QRectF area(plot.left() + 4, top + 2, plot.width() - 8, laneHeight - 4);
        const QString label = tr("%1 (0–%2)").arg(m_modules.at(lane)).arg(m_laneMax.value(lane, 1));
        // On a plate of the background: the label is in the curve's colour,
        // and a busy curve (or a taller font, as Chinese ones are) reaches
        // into the strip it is written in.
        const QRectF plate =
            painter->boundingRect(area, Qt::AlignLeft | Qt::AlignTop, label).adjusted(-2, 0, 2, 0);
        QColor base = palette().color(QPalette::Base);
        base.setAlpha(230);
        painter->fillRect(plate, base);
        painter->setPen(lane < curves.size() ? curves.at(lane).color
                                             : palette().color(QPalette::Text));
        painter->drawText(area, Qt::AlignLeft | Qt::AlignTop, label);
    }
    painter->restore();
}

} // namespace refscope
