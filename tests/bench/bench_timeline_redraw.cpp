// SPDX-License-Identifier: GPL-3.0-or-later
// Redraw of the timeline's visible window at 1 M and 10 M events: per frame,
// the store's countBuckets (one bucket per pixel column) for each curve, the
// step-line decimation, the axes and marker series, and a render of the
// chart view to a QImage. The events are the real ones of three-modules-1.6M.dat,
// replicated with shifted timestamps to reach each size. Prints the median
// and worst frame of N for several zoom levels, and the ratio of the largest
// size's median to the smallest's (measured in the same run, so a busy
// machine weighs on both alike); the target is <= 8 ms, flat as the event
// count grows.
//
//   bench_timeline_redraw [--frames N] [--events N[,N...]] [TRACE.dat]
#include "recording/recording.h"
#include "timeline/timelinechartview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace refscope;

namespace {

// `events` events: copies of the recording one after another, each shifted
// past the previous one's end so the store stays in timestamp order.
std::shared_ptr<EventStore> replicate(const EventStore &recording, std::size_t events)
{
    auto store = std::make_shared<EventStore>();
    const qint64 first = recording.timestampNs(0);
    const qint64 period = recording.timestampNs(recording.size() - 1) - first + 1000;
    for (std::size_t i = 0; i < events; ++i) {
        const std::size_t copy = i / recording.size();
        ModuleEvent event = recording.event(i % recording.size());
        event.timestampNs += qint64(copy) * period;
        store->append(event);
    }
    return store;
}

struct FrameTimes {
    double median = 0; // whole frame (compute + render), ms
    double worst = 0;
    double compute = 0; // buckets + decimation + replace, median ms
    int points = 0;     // drawn, all curves, last frame
};

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

FrameTimes measure(TimelineChartView &view, qint64 span, int frames)
{
    const qint64 start = view.recordingStartNs();
    const qint64 whole = view.recordingEndNs() - start;
    // Centred, then panned by a few pixels each frame: every frame is new.
    const qint64 from = start + (whole - span) / 2;
    const qint64 step = std::max<qint64>(span / view.plotWidthPixels() * 3, 1);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> computes;
    std::vector<double> totals;
    QElapsedTimer clock;
    for (int f = 0; f < frames; ++f) {
        const qint64 shift = (f % 2 ? -1 : 1) * step * (f % 7);
        view.setWindow(from + shift, from + shift + span);
        clock.start();
        view.redraw();
        const double compute = clock.nsecsElapsed() / 1e6;
        QPainter painter(&image);
        view.render(&painter);
        painter.end();
        computes.push_back(compute);
        totals.push_back(clock.nsecsElapsed() / 1e6);
    }
    FrameTimes times;
    times.median = medianOf(totals);
    times.worst = *std::max_element(totals.begin(), totals.end());
    times.compute = medianOf(computes);
    for (const QString &module : view.modules())
        times.points += int(view.curvePoints(module).size());
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int frames = 60;
    QList<std::size_t> sizes = {1'000'000, 10'000'000};
    QString path = QStringLiteral(REFSCOPE_TRACES_DIR "/three-modules-1.6M.dat");
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        if (arg == QStringLiteral("--frames") && !args.isEmpty()) {
            frames = std::max(1, args.takeFirst().toInt());
        } else if (arg == QStringLiteral("--events") && !args.isEmpty()) {
            sizes.clear();
            for (const QString &size : args.takeFirst().split(u','))
                sizes.append(size.toULongLong());
        } else if (arg.startsWith(u'-')) {
            std::fprintf(stderr, "usage: bench_timeline_redraw [--frames N] [--events N[,N...]] "
                                 "[TRACE.dat]\n");
            return 2;
        } else {
            path = arg;
        }
    }

    QString error;
    const std::shared_ptr<EventStore> recording = openRecording(path, &error);
    if (!recording || recording->size() == 0) {
        std::fprintf(stderr, "bench_timeline_redraw: %s\n",
                     qPrintable(recording ? QStringLiteral("%1 has no events").arg(path) : error));
        return 1;
    }
    QStringList modules;
    for (int id = 0; id < recording->moduleCount(); ++id)
        modules << recording->moduleName(id);

    TimelineChartView view;
    view.resize(1200, 500);
    view.show();
    app.processEvents();
    std::printf("%s: %zu events, modules %s; view %dx%d, plot %d px wide, %d frames each\n",
                qPrintable(path), recording->size(), qPrintable(modules.join(u',')), view.width(),
                view.height(), view.plotWidthPixels(), frames);
    std::printf("%10s %10s %8s %11s %11s %11s %7s\n", "events", "window", "points", "compute ms",
                "median ms", "worst ms", "target");
    constexpr int kZooms[] = {1, 10, 100, 1000, 10000, 100000};
    // Median frame per zoom level and size, for the flatness ratios: both
    // sizes are measured in this run, under the same load.
    QList<QList<double>> medians;
    for (const std::size_t size : sizes) {
        const std::shared_ptr<EventStore> store = replicate(*recording, size);
        view.setStore(store);
        view.setModules(modules);
        app.processEvents();
        const qint64 whole = view.recordingEndNs() - view.recordingStartNs();
        medians.append(QList<double>());
        for (const int zoom : kZooms) {
            const FrameTimes t = measure(view, whole / zoom, frames);
            medians.last().append(t.median);
            std::printf(
                "%10zu %10s %8d %11.3f %11.3f %11.3f %7s\n", size,
                qPrintable(zoom == 1 ? QStringLiteral("whole") : QStringLiteral("1/%1").arg(zoom)),
                t.points, t.compute, t.median, t.worst, t.median <= 8 ? "ok" : "SLOW");
        }
    }
    // Flat: the median frame at the largest size over the smallest's.
    if (sizes.size() > 1) {
        std::printf("flat ratio %zu/%zu events (median frame):", sizes.last(), sizes.first());
        for (qsizetype z = 0; z < qsizetype(std::size(kZooms)); ++z)
            std::printf(" %s %.2f",
                        qPrintable(z == 0 ? QStringLiteral("whole")
                                          : QStringLiteral("1/%1").arg(kZooms[z])),
                        medians.last().at(z) / medians.first().at(z));
        std::printf("\n");
    }
    return 0;
}
