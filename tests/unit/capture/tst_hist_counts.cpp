// SPDX-License-Identifier: GPL-3.0-or-later
// The kernel's per call site counts of a capture (hist triggers on
// module_get and module_put): the hist files of the real 6.1 and 6.12 lab
// guests (tests/fixtures/hist, captured with the ring buffer overflowing)
// parse into exact gets and puts; malformed text is an error, never a
// crash; the counts survive JSON and the session file; the Outstanding
// references use them only when events were lost.
#include "capture/histcounts.h"
#include "events/eventstore.h"
#include "events/outstandingrefs.h"
#include "session/sessionfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace refscope {

namespace {

QByteArray fixture(const QString &release, const QString &event)
{
    QFile file(QStringLiteral(REFSCOPE_FIXTURES_DIR "/hist/%1/%2.hist").arg(release, event));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const CallSiteCount *find(const KernelCallSiteCounts &counts, const QString &callSite)
{
    for (const CallSiteCount &site : counts.sites) {
        if (site.callSite == callSite)
            return &site;
    }
    return nullptr;
}

} // namespace

class TestHistCounts : public QObject {
    Q_OBJECT

private slots:
    void parsesTheLabKernels_data()
    {
        QTest::addColumn<QString>("release");
        QTest::addColumn<QString>("openSite");  // misc_open's get
        QTest::addColumn<QString>("closeSite"); // __fput's put
        QTest::addColumn<QString>("leakGet");
        QTest::addColumn<QString>("leakPut");
        QTest::newRow("6.1") << "6.1.0-57-amd64"
                             << "misc_open+0x70"
                             << "__fput+0xb7"
                             << "leaky_ref_write+0x35 [leaky_ref]"
                             << "leaky_ref_write+0x7e [leaky_ref]";
        QTest::newRow("6.12") << "6.12.118+deb12-amd64"
                              << "misc_open+0x78"
                              << "__fput+0x10a"
                              << "leaky_ref_write+0x39 [leaky_ref]"
                              << "leaky_ref_write+0x82 [leaky_ref]";
    }

    void parsesTheLabKernels()
    {
        QFETCH(QString, release);
        QFETCH(QString, openSite);
        QFETCH(QString, closeSite);
        QFETCH(QString, leakGet);
        QFETCH(QString, leakPut);
        HistTable gets;
        HistTable puts;
        QString error;
        QVERIFY2(parseHistText(fixture(release, QStringLiteral("module_get")), &gets, &error),
                 qPrintable(error));
        QVERIFY2(parseHistText(fixture(release, QStringLiteral("module_put")), &puts, &error),
                 qPrintable(error));
        QCOMPARE(gets.entries.size(), 2);
        QCOMPARE(gets.hits, 203);
        QCOMPARE(puts.hits, 201);
        QCOMPARE(gets.dropped, 0);
        QCOMPARE(gets.entries.at(1).module, QStringLiteral("loop"));
        QCOMPARE(gets.entries.at(1).hits, 200);
        QVERIFY(gets.entries.at(1).address > 0xffffffff00000000ULL);
        QVERIFY(gets.entries.at(1).kernelSymbol.startsWith(openSite + QLatin1Char('/')));

        // Without the capture's symbols, the kernel's own names; no
        // addresses unless asked for.
        const KernelCallSiteCounts counts = combineHistTables(gets, puts, {}, false);
        QCOMPARE(counts.sites.size(), 4);
        QVERIFY(counts.complete());
        const CallSiteCount *open = find(counts, openSite);
        const CallSiteCount *close = find(counts, closeSite);
        QVERIFY(open && close);
        QCOMPARE(open->gets, 200);
        QCOMPARE(open->puts, 0);
        QCOMPARE(open->address, 0u);
        QCOMPARE(close->gets, 0);
        QCOMPARE(close->puts, 200);
        QCOMPARE(find(counts, leakGet)->gets, 3);
        QCOMPARE(find(counts, leakPut)->puts, 1);
        // The two leaking writes: +2 exactly, and the 200 opens net 0,
        // although the ring buffer dropped 178 of these events.
        QCOMPARE(
            counts.gets(QStringLiteral("leaky_ref")) - counts.puts(QStringLiteral("leaky_ref")), 2);
        QCOMPARE(counts.gets(QStringLiteral("loop")) - counts.puts(QStringLiteral("loop")), 0);

        // The capture's names win, addresses kept when asked for.
        const KernelCallSiteCounts named = combineHistTables(
            gets, puts,
            [&](quint64 address) {
                return address == gets.entries.at(1).address ? QStringLiteral("named") : QString();
            },
            true);
        QCOMPARE(find(named, QStringLiteral("named"))->address, gets.entries.at(1).address);
    }

    void malformedTextIsAnError_data()
    {
        const QByteArray real =
            fixture(QStringLiteral("6.1.0-57-amd64"), QStringLiteral("module_get"));
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("cut before the totals") << real.left(real.indexOf("Totals:"));
        QTest::newRow("cut inside an entry") << real.left(real.indexOf("hitcount:") + 5);
        QTest::newRow("garbage") << QByteArray("\x01\xff\nnot a hist\n");
        QTest::newRow("count not a number")
            << QByteArray(real).replace("hitcount:          3", "hitcount:          x");
        QTest::newRow("another key") << QByteArray(real).replace("name: leaky_ref", "comm: sh");
        QTest::newRow("no module") << QByteArray(real).replace("name: leaky_ref  ", "name:   ");
        QTest::newRow("total without number") << QByteArray(real).replace("Dropped: 0", "Dropped:");
        QTest::newRow("bad address") << QByteArray(real).replace("[ffffffffc04d7035]", "[zz]");
    }

    void malformedTextIsAnError()
    {
        QFETCH(QByteArray, text);
        HistTable table;
        table.hits = 42;
        QString error;
        QVERIFY(!parseHistText(text, &table, &error));
        QVERIFY(error.contains(QLatin1String("does not parse")));
        QCOMPARE(table.hits, 42); // untouched
    }

    void droppedEntriesAreReported()
    {
        QByteArray text =
            fixture(QStringLiteral("6.12.118+deb12-amd64"), QStringLiteral("module_put"));
        text.replace("Dropped: 0", "Dropped: 5");
        HistTable puts;
        QString error;
        QVERIFY2(parseHistText(text, &puts, &error), qPrintable(error));
        QCOMPARE(puts.dropped, 5);
        const KernelCallSiteCounts counts = combineHistTables({}, puts, {}, false);
        QCOMPARE(counts.droppedEntries, 5);
        QVERIFY(!counts.complete());
    }

    void callSiteFromKernelSymbol()
    {
        QCOMPARE(refscope::callSiteFromKernelSymbol(QStringLiteral("misc_open+0x70/0x180")),
                 QStringLiteral("misc_open+0x70"));
        QCOMPARE(refscope::callSiteFromKernelSymbol(
                     QStringLiteral("leaky_ref_write+0x35/0xb3 [leaky_ref]")),
                 QStringLiteral("leaky_ref_write+0x35 [leaky_ref]"));
    }

    void jsonRoundTripAndRefusal()
    {
        KernelCallSiteCounts counts;
        counts.droppedEntries = 1;
        counts.sites = {{QStringLiteral("loop"), QStringLiteral("misc_open+0x70"),
                         0xffffffff870ba390ULL, 200, 0},
                        {QStringLiteral("loop"), QStringLiteral("__fput+0xb7"), 0, 0, 200}};
        KernelCallSiteCounts back;
        QString error;
        QVERIFY2(callSiteCountsFromJson(callSiteCountsToJson(counts), &back, &error),
                 qPrintable(error));
        QCOMPARE(back, counts);
        for (
            const char *bad :
            {R"({"sites": [], "dropped": -1})", R"({"sites": {}, "dropped": 0})",
             R"({"sites": [{"module": "loop", "sym": "x", "gets": 1.5, "puts": 0}], "dropped": 0})",
             R"({"sites": [{"sym": "x", "gets": 1, "puts": 0}], "dropped": 0})",
             R"({"sites": [{"module": "loop", "sym": "x", "gets": 1, "puts": 0, "ip": "zz"}],
                  "dropped": 0})",
             R"({"sites": [7], "dropped": 0})"}) {
            KernelCallSiteCounts refused;
            QVERIFY2(
                !callSiteCountsFromJson(QJsonDocument::fromJson(bad).object(), &refused, &error),
                bad);
        }
    }

    // Events that lost their puts: the events' pairing sees 3 gets and 1
    // put; the kernel's counts, used only because events were lost, say 3
    // and 3, and the lost note says which.
    void outstandingUsesTheKernelCountsWhenEventsWereLost()
    {
        EventStore store;
        store.setBaseline(QStringLiteral("loop"), 0);
        for (int i = 0; i < 3; ++i)
            store.append({1000 + i, 0, ModuleEventKind::Get, QStringLiteral("loop"), i + 1});
        store.append({2000, 0, ModuleEventKind::Put, QStringLiteral("loop"), 2});
        const int id = store.findModule(QStringLiteral("loop"));
        KernelCallSiteCounts counts;
        counts.sites = {{QStringLiteral("loop"), QStringLiteral("misc_open+0x70"), 0, 3, 0},
                        {QStringLiteral("loop"), QStringLiteral("__fput+0xb7"), 0, 0, 3},
                        {QStringLiteral("other"), QStringLiteral("x+0x1"), 0, 9, 0}};
        store.setKernelCounts(counts);

        OutstandingRefs refs = computeOutstandingRefs(store, id, 0, 10000);
        QVERIFY(!useKernelCounts(&refs, store, id)); // nothing lost: the events are whole
        QCOMPARE(refs.gets, 3);
        QCOMPARE(refs.puts, 1);
        QVERIFY(lostEventsNote(store).isEmpty());

        store.appendLost({1500, 0, 2});
        QVERIFY(useKernelCounts(&refs, store, id));
        QVERIFY(refs.kernelCounted);
        QCOMPARE(refs.gets, 3);
        QCOMPARE(refs.puts, 3);
        QCOMPARE(refs.byCallSite.size(), 2);
        QCOMPARE(refs.byCallSite.first().label, QStringLiteral("misc_open+0x70"));
        QCOMPARE(refs.byCallSite.first().outstanding(), 3);
        QCOMPARE(refs.byCallSite.last().outstanding(), -3);
        QCOMPARE(lostEventsNote(store),
                 QStringLiteral("2 events lost; counts per call site are exact from the kernel's "
                                "counters"));
        QCOMPARE(lostEventsNote(store, false),
                 QStringLiteral("2 events lost; counts may be incomplete"));
        store.setKernelCounts(std::nullopt);
        QCOMPARE(lostEventsNote(store), QStringLiteral("2 events lost; counts may be incomplete"));
        OutstandingRefs fromEvents = computeOutstandingRefs(store, id, 0, 10000);
        QVERIFY(!useKernelCounts(&fromEvents, store, id));
    }

    // Version 4 keeps them; a store without them comes back without.
    void sessionFileKeepsThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        EventStore store;
        store.append({1000, 0, ModuleEventKind::Get, QStringLiteral("loop"), 1});
        KernelCallSiteCounts counts;
        counts.sites = {{QStringLiteral("loop"), QStringLiteral("misc_open+0x70"), 0, 5, 4}};
        store.setKernelCounts(counts);
        const QString path = dir.filePath(QStringLiteral("counts.rscope"));
        QString error = saveSession(path, Snapshot{}, store, {});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Session session;
        error = loadSession(path, &session);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(session.formatVersion, kSessionFormatVersion);
        QVERIFY(session.events->kernelCounts());
        QCOMPARE(*session.events->kernelCounts(), counts);

        store.setKernelCounts(std::nullopt);
        QVERIFY(saveSession(path, Snapshot{}, store, {}).isEmpty());
        QVERIFY(loadSession(path, &session).isEmpty());
        QVERIFY(!session.events->kernelCounts());
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestHistCounts)
#include "tst_hist_counts.moc"
