// SPDX-License-Identifier: GPL-3.0-or-later
// A session whose events take more than 2 GiB before compression (about 48
// million events without stacks, a long flood's recording) saves and opens
// again whole. Sizes held in an int once cut such a payload and the file
// never opened again. Labelled "large": it needs about 8 GiB of memory and
// a minute, so the sanitizer builds, several times slower and bigger, leave
// it out.
#include "capture/livecapturedetails.h"
#include "session/sessionfile.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

namespace refscope {

namespace {

// A session file's payload per event without a stack (SESSION.md, step 4):
// timestamp 8, CPU 4, kind 1, module 4, count 4, pid 4, comm 4, call site
// 8, call site symbol 4, frame count 4.
constexpr qint64 kPayloadBytesPerEvent = 45;
constexpr qint64 kTwoGiB = qint64(1) << 31;
// Just past 2 GiB of events, with room for the string table and the rest.
constexpr std::size_t kEvents = std::size_t(kTwoGiB / kPayloadBytesPerEvent) + 1000000;

// Event i of the recording, a flood's: a get and a put per open, from a
// few tasks, the count going up and down.
ModuleEvent eventAt(std::size_t i)
{
    const bool get = i % 2 == 0;
    return {qint64(1000 + i * 10), int(i % 2), get ? ModuleEventKind::Get : ModuleEventKind::Put,
            i % 3 == 2 ? QStringLiteral("fuse") : QStringLiteral("loop"), get ? 2 : 1};
}

} // namespace

class TestSessionLarge : public QObject {
    Q_OBJECT

private slots:
    void sessionPastTwoGiBSavesAndOpens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("large.rscope"));
        QElapsedTimer timer;
        timer.start();
        qint64 saveMs = 0;
        {
            EventStore events;
            events.reserve(kEvents);
            events.setBaseline(QStringLiteral("loop"), 1);
            events.setBaseline(QStringLiteral("fuse"), 1);
            auto owned = std::make_unique<CapturedDetails>(&events);
            CapturedDetails *details = owned.get();
            events.setDetailsSource(std::move(owned));
            const QString comms[] = {QStringLiteral("flood"), QStringLiteral("udevd")};
            const QString site = QStringLiteral("misc_open+0x70");
            for (std::size_t i = 0; i < kEvents; ++i) {
                events.append(eventAt(i));
                EventDetails d;
                d.pid = 100 + int(i % 7);
                d.comm = comms[i % 7 == 6];
                d.callSite = 0xffffffffa68ba390ULL + (i % 2);
                d.callSiteName = i % 2 == 0 ? site : QString();
                details->append(d);
            }
            events.appendLost({1500, 1, 17});
            const qint64 buildMs = timer.restart();
            QCOMPARE(saveSession(file, {}, events, {}), QString());
            saveMs = timer.restart();
            qInfo("%zu events built in %lld ms, saved in %lld ms: %lld bytes", kEvents, buildMs,
                  saveMs, QFileInfo(file).size());
        } // the recording is freed before it is read again
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        const qint64 openMs = timer.restart();
        qInfo("opened in %lld ms", openMs);
        const EventStore &events = *session.events;
        QCOMPARE(events.size(), kEvents);
        QCOMPARE(events.lostEventCount(), qint64(17));
        // Every event's own columns, and the details of a spread of them
        // (a string each: all of them would take longer than the rest).
        const int loop = events.findModule(QStringLiteral("loop"));
        const int fuse = events.findModule(QStringLiteral("fuse"));
        for (std::size_t i = 0; i < kEvents; ++i) {
            const ModuleEvent e = eventAt(i);
            if (events.timestampNs(i) != e.timestampNs || events.kind(i) != e.kind ||
                events.refcount(i) != e.refcount || events.cpu(i) != e.cpu ||
                events.moduleId(i) != (e.module == QLatin1String("loop") ? loop : fuse))
                QFAIL(qPrintable(QStringLiteral("event %1 differs").arg(i)));
        }
        for (std::size_t i = 0; i < kEvents; i += kEvents / 997) {
            const EventDetails d = events.details(i);
            QCOMPARE(d.pid, 100 + int(i % 7));
            QCOMPARE(d.comm, i % 7 == 6 ? QStringLiteral("udevd") : QStringLiteral("flood"));
            QCOMPARE(d.callSite, 0xffffffffa68ba390ULL + (i % 2));
        }
        const EventDetails last = events.details(kEvents - 1);
        QCOMPARE(last.pid, 100 + int((kEvents - 1) % 7));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestSessionLarge)
#include "tst_session_large.moc"
