// SPDX-License-Identifier: GPL-3.0-or-later
// The columnar event store: what goes in comes out, counts at any time and
// any zoom agree with a brute-force scan, and an event costs 16 bytes.
#include "events/eventstore.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <climits>

using namespace refscope;

class TestEventStore : public QObject {
    Q_OBJECT
private slots:
    void keepsWhatIsAppended();
    void derivesTheBaselineFromTheFirstEvent();
    void bucketsMatchABruteForceScan_data();
    void bucketsMatchABruteForceScan();
    void deferredAppendsMatchAppends();
    void costsSixteenBytesAnEvent();
    void refusesEventsOutOfOrder();
    void lostTotalStopsAtTheLargestCount();
};

void TestEventStore::keepsWhatIsAppended()
{
    EventStore store;
    store.setBaseline(QStringLiteral("loop"), 3);
    store.append({100, 1, ModuleEventKind::Get, QStringLiteral("loop"), 4});
    store.append({200, 4095, ModuleEventKind::Request, QStringLiteral("fs-xfs"), -1});
    store.append({200, 0, ModuleEventKind::Put, QStringLiteral("loop"), 3});
    store.appendLost({250, 1, 17});
    store.appendLost({260, 0, -1});
    QCOMPARE(store.size(), std::size_t(3));
    QCOMPARE(store.cpu(1), 4095);
    QCOMPARE(store.kind(1), ModuleEventKind::Request);
    QCOMPARE(store.refcount(1), -1);
    QCOMPARE(store.event(2).module, QStringLiteral("loop"));
    QCOMPARE(store.refcount(2), 3);
    QCOMPARE(store.moduleCount(), 2);
    QCOMPARE(store.findModule(QStringLiteral("fs-xfs")), 1);
    QCOMPARE(store.findModule(QStringLiteral("tun")), -1);
    QCOMPARE(store.eventsOf(0).size(), std::size_t(2));
    QCOMPARE(store.countAt(0, 99), 3);
    QCOMPARE(store.countAt(0, 100), 4);
    QCOMPARE(store.countAt(0, 1000), 3);
    QCOMPARE(store.lowerBound(150), std::size_t(1));
    QCOMPARE(store.lowerBound(200), std::size_t(1));
    QCOMPARE(store.lostEventCount(), qint64(17));
    QCOMPARE(store.lostEvents().size(), 2);
    QCOMPARE(store.details(0).comm, QString()); // no details source
}

void TestEventStore::derivesTheBaselineFromTheFirstEvent()
{
    EventStore store;
    store.append({10, 0, ModuleEventKind::Put, QStringLiteral("tun"), 2});
    store.append({20, 0, ModuleEventKind::Load, QStringLiteral("dummy"), -1});
    store.append({30, 0, ModuleEventKind::Free, QStringLiteral("dummy"), -1});
    QCOMPARE(store.countAt(0, 0), 3); // a put left 2: there were 3 before
    // A module being initialised holds one reference; a freed one has none.
    QCOMPARE(store.countAt(1, 20), 1);
    QCOMPARE(store.countAt(1, 30), 0);
}

void TestEventStore::bucketsMatchABruteForceScan_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("buckets");
    QTest::newRow("few events, many buckets") << 50 << 400;
    QTest::newRow("many events, few buckets") << 200000 << 7;
    QTest::newRow("many events, a screen") << 200000 << 1920;
}

void TestEventStore::bucketsMatchABruteForceScan()
{
    QFETCH(int, events);
    QFETCH(int, buckets);
    QRandomGenerator random(42);
    EventStore store;
    const QStringList modules{QStringLiteral("loop"), QStringLiteral("tun"),
                              QStringLiteral("fuse")};
    QList<int> counts{0, 5, 2};
    qint64 t = 1000;
    for (int i = 0; i < events; ++i) {
        t += random.bounded(3); // ties included
        const int m = random.bounded(3);
        const bool get = counts[m] == 0 || random.bounded(2);
        counts[m] += get ? 1 : -1;
        store.append({t, random.bounded(4), get ? ModuleEventKind::Get : ModuleEventKind::Put,
                      modules[m], counts[m]});
    }
    for (int m = 0; m < 3; ++m) {
        const int id = store.findModule(modules[m]);
        // A window inside the recording and one wider than it.
        for (const auto &[from, to] :
             {std::pair<qint64, qint64>{t / 3, t / 3 + t / 5}, {0, t + 100}}) {
            const QList<CountBucket> result = store.countBuckets(id, from, to, buckets);
            QCOMPARE(result.size(), buckets);
            for (const CountBucket &bucket : result) {
                int inForce = store.countAt(id, bucket.startNs - 1);
                int min = inForce, max = inForce, seen = 0;
                for (const std::uint32_t i : store.eventsOf(id)) {
                    const qint64 ts = store.timestampNs(i);
                    if (ts >= bucket.startNs && ts < bucket.endNs) {
                        inForce = store.refcount(i);
                        min = std::min(min, inForce);
                        max = std::max(max, inForce);
                        ++seen;
                    }
                }
                QCOMPARE(bucket.min, min);
                QCOMPARE(bucket.max, max);
                QCOMPARE(bucket.last, inForce);
                QCOMPARE(bucket.events, seen);
            }
            QCOMPARE(result.first().startNs, from);
            QCOMPARE(result.last().endNs, to);
        }
    }
}

// A trace file's events go in through appendDeferred and are indexed in one
// pass: the store must answer exactly as if they had been appended one by
// one, also when deferred and ordinary appends mix.
void TestEventStore::deferredAppendsMatchAppends()
{
    QRandomGenerator random(11);
    EventStore reference, deferred, mixed;
    const QStringList modules{QStringLiteral("loop"), QStringLiteral("tun"), QStringLiteral("fuse"),
                              QStringLiteral("dummy")};
    for (const QString &module : modules) {
        reference.internModule(module);
        deferred.internModule(module);
        mixed.internModule(module);
    }
    mixed.setBaseline(modules[1], 7);
    reference.setBaseline(modules[1], 7);
    deferred.setBaseline(modules[1], 7);
    QList<int> counts{0, 7, 2, 0};
    const int events = 100000;
    qint64 t = 0;
    for (int i = 0; i < events; ++i) {
        t += random.bounded(4);
        const int m = random.bounded(modules.size());
        const int roll = random.bounded(100);
        ModuleEventKind kind = ModuleEventKind::Request;
        int refcount = -1;
        if (roll < 45 || (roll < 90 && counts[m] == 0)) {
            kind = ModuleEventKind::Get;
            refcount = ++counts[m];
        } else if (roll < 90) {
            kind = ModuleEventKind::Put;
            refcount = --counts[m];
        } else if (roll < 94) {
            kind = ModuleEventKind::Load;
            counts[m] = 1;
        } else if (roll < 97) {
            kind = ModuleEventKind::Free;
            counts[m] = 0;
        }
        const int cpu = random.bounded(8);
        reference.append(t, cpu, kind, m, refcount);
        deferred.appendDeferred(t, cpu, kind, m, refcount);
        if (i % 1000 < 900)
            mixed.appendDeferred(t, cpu, kind, m, refcount);
        else
            mixed.append(t, cpu, kind, m, refcount);
    }
    deferred.squeeze();
    mixed.squeeze();
    for (const EventStore *store : {&deferred, &mixed}) {
        QCOMPARE(store->size(), reference.size());
        for (std::size_t i = 0; i < reference.size(); ++i)
            QVERIFY(store->refcount(i) == reference.refcount(i) &&
                    store->kind(i) == reference.kind(i) && store->cpu(i) == reference.cpu(i));
        for (int m = 0; m < modules.size(); ++m) {
            const auto expected = reference.eventsOf(m);
            const auto got = store->eventsOf(m);
            QVERIFY(std::equal(got.begin(), got.end(), expected.begin(), expected.end()));
            for (const auto &[from, to] :
                 {std::pair<qint64, qint64>{0, t + 1}, {t / 3, t / 3 + 5000}, {t / 2, t / 2 + 7}}) {
                const QList<CountBucket> a = store->countBuckets(m, from, to, 1920);
                const QList<CountBucket> b = reference.countBuckets(m, from, to, 1920);
                for (qsizetype k = 0; k < b.size(); ++k)
                    QVERIFY(a[k].min == b[k].min && a[k].max == b[k].max &&
                            a[k].last == b[k].last && a[k].events == b[k].events);
                QCOMPARE(store->countAt(m, from), reference.countAt(m, from));
            }
        }
    }
}

void TestEventStore::costsSixteenBytesAnEvent()
{
    EventStore store;
    const int events = 1 << 20;
    for (int i = 0; i < events; ++i)
        store.append({i, i % 2, ModuleEventKind(2 + i % 2), QStringLiteral("loop"), 1 - i % 2});
    store.squeeze();
    QCOMPARE(store.columnBytes(), std::size_t(events) * 16);
    // Plus the per-module index (4 bytes an event) and the pyramid.
    QVERIFY2(store.residentBytes() <= std::size_t(events) * 21,
             qPrintable(QString::number(double(store.residentBytes()) / events)));
}

void TestEventStore::refusesEventsOutOfOrder()
{
    EventStore store;
    store.append({100, 0, ModuleEventKind::Get, QStringLiteral("loop"), 1});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, store.append({99, 0, ModuleEventKind::Put,
                                                                  QStringLiteral("loop"), 0}));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, store.append({100, 9000, ModuleEventKind::Put,
                                                              QStringLiteral("loop"), 0}));
    QCOMPARE(store.size(), std::size_t(1));
}

// Losses a hostile file claims add up to more than a count holds: the
// total stays at the largest ("at least"), never overflows.
void TestEventStore::lostTotalStopsAtTheLargestCount()
{
    EventStore store;
    store.appendLost({10, 0, LLONG_MAX - 5});
    store.appendLost({20, 1, 3});
    QCOMPARE(store.lostEventCount(), LLONG_MAX - 2);
    store.appendLost({30, 0, 7'378'697'629'483'820'646});
    QCOMPARE(store.lostEventCount(), LLONG_MAX);
    store.appendLost({40, 1, 1});
    store.appendLost({50, 0, -1}); // "some": not counted
    QCOMPARE(store.lostEventCount(), LLONG_MAX);
    QCOMPARE(store.lostEvents().size(), 5);
}

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_event_store.moc"
