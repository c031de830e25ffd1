// SPDX-License-Identifier: GPL-3.0-or-later
// The trace.events / trace.lost notifications carry every field of an event
// across, kernel addresses beyond 2^53 included, and bad params are refused
// with the field named.
#include "capture/livecaptureprotocol.h"

#include <QJsonArray>
#include <QtTest>

namespace refscope {

class TestLiveCaptureCodec : public QObject {
    Q_OBJECT

private slots:
    void eventsRoundTrip()
    {
        CapturedEvent e;
        e.event = {123456789012, 1, ModuleEventKind::Put, QStringLiteral("count_demo"), 1};
        e.details.pid = 4321;
        e.details.comm = QStringLiteral("cat");
        e.details.callSite = 0xffffffffc0a01234ULL;
        e.details.callSiteName = QStringLiteral("count_demo_release+0x24 [count_demo]");
        e.details.stack = {QStringLiteral("module_put+0x71 (0xffffffffb0b47561)")};
        QList<CapturedEvent> back;
        QString error;
        QVERIFY(decodeCapturedEvents(encodeCapturedEvents({e}), &back, &error));
        QCOMPARE(back.size(), 1);
        const CapturedEvent &b = back.first();
        QCOMPARE(b.event.timestampNs, e.event.timestampNs);
        QCOMPARE(b.event.cpu, 1);
        QCOMPARE(b.event.kind, ModuleEventKind::Put);
        QCOMPARE(b.event.module, e.event.module);
        QCOMPARE(b.event.refcount, 1);
        QCOMPARE(b.details.pid, 4321);
        QCOMPARE(b.details.comm, e.details.comm);
        QCOMPARE(b.details.callSite, e.details.callSite);
        QCOMPARE(b.details.callSiteName, e.details.callSiteName);
        QCOMPARE(b.details.stack, e.details.stack);
        QCOMPARE(capturedEventText(b.event, b.details),
                 QStringLiteral("count_demo call_site=count_demo_release+0x24 [count_demo] "
                                "refcnt=2"));
    }

    // Symbols only (an agent whose client asked for no addresses): no "ip",
    // and the call site arrives as its symbol.
    void symbolsWithoutAddresses()
    {
        CapturedEvent e;
        e.event = {5, 0, ModuleEventKind::Get, QStringLiteral("count_demo"), 1};
        e.details.callSiteName = QStringLiteral("count_demo_open+0x55 [count_demo]");
        e.details.stack = {QStringLiteral("try_module_get+0x2a")};
        const QJsonObject encoded = encodeCapturedEvents({e});
        const QJsonObject one = encoded.value("events").toArray().first().toObject();
        QVERIFY(!one.contains(QLatin1String("ip")));
        QCOMPARE(one.value("sym").toString(), e.details.callSiteName);
        QList<CapturedEvent> back;
        QString error;
        QVERIFY(decodeCapturedEvents(encoded, &back, &error));
        QCOMPARE(back.first().details.callSite, quint64(0));
        QCOMPARE(back.first().details.callSiteName, e.details.callSiteName);
        QCOMPARE(back.first().details.stack, e.details.stack);
    }

    void lostRoundTrip()
    {
        QList<LostEvents> back;
        QString error;
        QVERIFY(decodeLostEvents(encodeLostEvents({{5, 1, 300}, {6, 0, -1}}), &back, &error));
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).count, 300);
        QCOMPARE(back.at(1).count, -1);
    }

    void badParamsAreNamed()
    {
        QList<CapturedEvent> events;
        QString error;
        QVERIFY(!decodeCapturedEvents({}, &events, &error));
        QVERIFY(error.contains(QLatin1String("\"events\"")));
        const QJsonObject bad{{QStringLiteral("ts"), 1},
                              {QStringLiteral("module"), QStringLiteral("x")},
                              {QStringLiteral("kind"), QStringLiteral("sched_switch")}};
        QVERIFY(
            !decodeCapturedEvents({{QStringLiteral("events"), QJsonArray{bad}}}, &events, &error));
        QVERIFY2(error.contains(QLatin1String("events[0].kind")), qPrintable(error));
        QList<LostEvents> lost;
        QVERIFY(!decodeLostEvents({{QStringLiteral("lost"), QJsonArray{QJsonObject{}}}}, &lost,
                                  &error));
        QVERIFY2(error.contains(QLatin1String("lost[0].count")), qPrintable(error));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestLiveCaptureCodec)
#include "tst_live_capture_codec.moc"
