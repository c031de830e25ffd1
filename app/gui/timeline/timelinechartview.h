// SPDX-License-Identifier: GPL-3.0-or-later
// The refcount timeline in the KernelShark mould: a step line per shown
// module (lsmod's number over time), module_load/module_free markers and
// lost-event markers, over a window of the recording the user zooms and
// pans. Each frame asks the store for one bucket per pixel column of the
// window and draws only the decimated step line (StepCurvesItem; the
// QLineSeries get it through replace(), never append() in a loop, when
// OpenGL is on), so a frame costs the same at 1 M or 10 M events.
//
// Mouse: wheel zooms around the pointer, drag pans, Shift+drag zooms to the
// band, click places marker A (and selects the nearest event), right-click
// places marker B, double-click shows the whole recording.
#pragma once

#include "events/eventstore.h"
#include "timeline/timelinemarkers.h"

#include <QChartView>
#include <QHash>

#include <memory>
#include <vector>

class QLineSeries;
class QScatterSeries;
class QTimer;
class QValueAxis;

namespace refscope {

class StepCurvesItem;

class TimelineChartView : public QChartView {
    Q_OBJECT
public:
    explicit TimelineChartView(QWidget *parent = nullptr);
    ~TimelineChartView() override;

    // Shows the whole recording; drops markers.
    void setStore(std::shared_ptr<const EventStore> store);
    // Events were appended: the recording grew. A window that showed the
    // end keeps following it.
    void storeGrew();
    void setModules(const QStringList &modules);
    QStringList modules() const { return m_modules; }

    // Overlaid: every curve on one count axis (one module's scale can hide
    // another's). Lanes: each module in a band of its own, scaled to its
    // own highest count, named on the left (KernelShark's per-task graphs).
    enum class Layout { Overlaid, Lanes };
    void setLayout(Layout layout);
    Layout layout() const { return m_layout; }
    // The highest count of each shown module in the window, as last drawn.
    QList<int> laneMaxima() const { return m_laneMax; }

    qint64 windowStartNs() const { return m_fromNs; }
    qint64 windowEndNs() const { return m_toNs; }
    qint64 recordingStartNs() const;
    qint64 recordingEndNs() const;
    void setWindow(qint64 fromNs, qint64 toNs);
    void resetWindow();
    void zoom(double factor, qint64 aroundNs); // factor < 1 zooms in
    void panByPixels(double dx);

    // A live capture's clock. While it runs, the recording reaches "now"
    // in the trace's clock (estimated from when its events arrive), so the
    // axis opens on a few seconds and grows with the capture instead of
    // spanning the first events' microseconds; once it stopped, the
    // recording still covers until then. setStore() ends it.
    void setLive(bool live);
    bool isLive() const { return m_live; }
    // Events up to newestNs arrived just now (only while live).
    void noteArrival(qint64 newestNs);
    // Now in the recording's clock; nullopt unless the recording is this
    // run's live capture (a file's clock is another boot's).
    std::optional<qint64> nowNs() const;
    // The span a live capture opens on.
    static constexpr qint64 kLiveSpanNs = 5'000'000'000;

    void setEventCursor(std::optional<qint64> timestampNs); // follows into view
    void setMarkerA(std::optional<qint64> timestampNs);
    void setMarkerB(std::optional<qint64> timestampNs);
    const TimelineMarkers &markers() const { return m_markers; }
    // Marks a labelled moment until the next setStore().
    void addAnnotation(qint64 timestampNs, const QString &label);

    qint64 timeAtPixel(double x) const;  // view coordinates
    double pixelOfTime(qint64 ns) const; // view coordinates
    int plotWidthPixels() const;
    // The step line drawn for `module`, in axis values (seconds, count; in
    // lanes, the lane's band: lane i of n spans n-1-i .. n-i).
    QList<QPointF> curvePoints(const QString &module) const;
    QScatterSeries *loadFreeSeries() const { return m_loadFree; }
    QScatterSeries *lostSeries() const { return m_lost; }

    // Recomputes the visible window now (a frame minus painting).
    void redraw();
    void setUseOpenGL(bool on);

signals:
    void windowChanged(qint64 fromNs, qint64 toNs);
    void timeClicked(qint64 timestampNs);
    void markersChanged();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    enum class Drag { None, Pending, Pan, Band };
    void scheduleRedraw();
    void rebuildSeries();
    void indexLoadFree(std::size_t from);
    void updateMarkerSeries(int top);
    void updateAxes(int maxCount);
    bool inLanes() const { return m_layout == Layout::Lanes && m_modules.size() > 1; }
    // A count of module `lane` as drawn: itself overlaid, its band in lanes.
    double laneY(int lane, double count) const;
    QRectF plotRect() const; // view coordinates

    std::shared_ptr<const EventStore> m_store;
    QStringList m_modules;
    QHash<QString, QLineSeries *> m_series; // the legend; the curves with OpenGL
    StepCurvesItem *m_curves;
    QScatterSeries *m_loadFree;
    QScatterSeries *m_lost;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    // Store indices of every module_load/module_free: few, but found by a
    // scan, so kept rather than searched for each frame.
    std::vector<std::uint32_t> m_loadFreeEvents;
    std::size_t m_indexedEvents = 0;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 1;
    qint64 m_shownEndNs = 1; // the recording's end when last drawn
    bool m_useOpenGL = false;
    Layout m_layout = Layout::Lanes;
    QList<int> m_laneMax;
    bool m_redrawPending = false;
    TimelineMarkers m_markers;

    bool m_live = false;
    QTimer *m_liveTick;
    std::optional<qint64> m_clockOffsetNs; // trace clock minus steady clock, at best
    qint64 m_coveredEndNs = 0;             // "now" when last seen live

    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    qint64 m_pressFromNs = 0;
    qint64 m_pressToNs = 0;
};

} // namespace refscope
