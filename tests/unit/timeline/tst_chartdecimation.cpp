// SPDX-License-Identifier: GPL-3.0-or-later
// The decimated step line against a brute-force walk over the raw events:
// every pixel column shows exactly the range the count went through in it,
// the line leaves each column at the count in force at its end, and there
// are never more than about two points per column.
#include "events/chartdecimation.h"
#include "events/eventstore.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <map>

using namespace refscope;

namespace {

struct RawEvent {
    qint64 t;
    int count;
};

// A count that wanders up and down, as gets and puts make it, with bursts
// of events a few ns apart and long quiet stretches.
QList<RawEvent> randomWalk(quint32 seed, int events, int start)
{
    QRandomGenerator random(seed);
    QList<RawEvent> walk;
    qint64 t = 1'000'000'000;
    int count = start;
    for (int i = 0; i < events; ++i) {
        t += random.bounded(8) == 0 ? random.bounded(5'000'000) : random.bounded(200);
        count = std::max(0, count + (random.bounded(2) ? 1 : -1));
        walk.append({t, count});
    }
    return walk;
}

void fill(EventStore &store, const QList<RawEvent> &walk, int start)
{
    store.setBaseline(QStringLiteral("loop"), start);
    int previous = start;
    for (const RawEvent &e : walk) {
        store.append({e.t, 0, e.count > previous ? ModuleEventKind::Get : ModuleEventKind::Put,
                      QStringLiteral("loop"), e.count});
        previous = e.count;
    }
}

} // namespace

class TestChartDecimation : public QObject {
    Q_OBJECT
private slots:
    void matchesBruteForce_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<int>("zoomPercent"); // of the recording's span
        QTest::addColumn<int>("offsetPercent");
        QTest::newRow("whole, narrow") << 1u << 97 << 100 << 0;
        QTest::newRow("whole, wide") << 2u << 1600 << 100 << 0;
        QTest::newRow("zoomed in the middle") << 3u << 800 << 5 << 40;
        QTest::newRow("zoomed far in") << 4u << 500 << 1 << 70;
        QTest::newRow("more pixels than events") << 5u << 3000 << 100 << 0;
    }

    void matchesBruteForce()
    {
        QFETCH(quint32, seed);
        QFETCH(int, pixels);
        QFETCH(int, zoomPercent);
        QFETCH(int, offsetPercent);
        const int start = 3;
        const QList<RawEvent> walk = randomWalk(seed, 20000, start);
        EventStore store;
        fill(store, walk, start);
        const qint64 span = walk.last().t + 1 - walk.first().t;
        const qint64 from = walk.first().t + span * offsetPercent / 100;
        const qint64 to = from + std::max<qint64>(span * zoomPercent / 100, 1);

        const QList<CountBucket> buckets = store.countBuckets(0, from, to, pixels);
        QCOMPARE(buckets.size(), pixels);
        const QList<QPointF> points = stepLinePoints(buckets, store.countAt(0, from - 1));
        QVERIFY2(points.size() <= 2 * pixels + 4, qPrintable(QString::number(points.size())));

        // Brute force: the count entering each bucket and every count inside it.
        auto countBefore = [&](qint64 t) {
            int count = start;
            for (const RawEvent &e : walk) {
                if (e.t >= t)
                    break;
                count = e.count;
            }
            return count;
        };
        std::map<double, QPair<double, double>> rangeAtX; // x -> (min, max) of the points there
        for (const QPointF &p : points) {
            auto [it, inserted] = rangeAtX.try_emplace(p.x(), p.y(), p.y());
            it->second.first = std::min(it->second.first, p.y());
            it->second.second = std::max(it->second.second, p.y());
        }
        int entering = countBefore(from);
        auto event = std::lower_bound(walk.begin(), walk.end(), from,
                                      [](const RawEvent &e, qint64 t) { return e.t < t; });
        for (const CountBucket &bucket : buckets) {
            int low = entering;
            int high = entering;
            int inside = 0;
            for (; event != walk.end() && event->t < bucket.endNs; ++event, ++inside) {
                low = std::min(low, event->count);
                high = std::max(high, event->count);
                entering = event->count;
            }
            // The store's bucket first, then what the line makes of it.
            QCOMPARE(bucket.events, inside);
            QCOMPARE(bucket.last, entering);
            if (inside == 0)
                continue;
            QCOMPARE(std::min(bucket.min, entering), low);
            QCOMPARE(std::max(bucket.max, entering), high);
            const auto column = rangeAtX.find(nsToChartX(bucket.startNs));
            if (low == high && column == rangeAtX.end())
                continue; // a level stretch: drawn by its neighbours
            QVERIFY2(column != rangeAtX.end(), qPrintable(QString::number(bucket.startNs)));
            QCOMPARE(column->second.first, double(low));
            QCOMPARE(column->second.second, double(high));
        }
        // The line ends at the window's end, at the count in force there.
        QCOMPARE(points.last().x(), nsToChartX(to));
        QCOMPARE(points.last().y(), double(countBefore(to)));
        // x never goes back: Qt Charts draws the points in order.
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() >= points[i - 1].x());
    }

    void levelStretchesStayLevel()
    {
        // Between two strokes with empty columns in between, the line runs
        // at the earlier count and only then jumps: no slanted segment.
        QList<CountBucket> buckets(10);
        for (int i = 0; i < 10; ++i) {
            buckets[i].startNs = i * 100;
            buckets[i].endNs = (i + 1) * 100;
            buckets[i].min = buckets[i].max = buckets[i].last = i < 5 ? 1 : 2;
        }
        buckets[5].events = 1;
        buckets[5].min = 1;
        const QList<QPointF> points = stepLinePoints(buckets, 1);
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY(points[i].x() == points[i - 1].x() || points[i].y() == points[i - 1].y());
        QCOMPARE(points.size(), 4); // start, foot of the jump, top, end
    }

    void noBucketsNoPoints() { QVERIFY(stepLinePoints({}, 0).isEmpty()); }
};

QTEST_GUILESS_MAIN(TestChartDecimation)
#include "tst_chartdecimation.moc"
