// SPDX-License-Identifier: GPL-3.0-or-later
// Session files reopen exactly what was saved, refuse a newer, corrupted or
// truncated file with a clear message, and stay fast at a million events;
// the CSV export quotes as RFC 4180 says.
#include "../../sanitizers/timescale.h"
#include "capture/livecapturedetails.h"
#include "events/eventcsv.h"
#include "inventory/kmodreader.h"
#include "recording/recording.h"
#include "session/sessionfile.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include <limits>

namespace refscope {

namespace {

Snapshot sampleSnapshot()
{
    Snapshot snapshot;
    snapshot.kernelRelease = QStringLiteral("6.1.0-56-amd64");
    snapshot.support = {true, true, true};
    snapshot.takenAtMs = 1763780000000;
    ModuleInfo loop;
    loop.name = QStringLiteral("loop");
    loop.size = 32768;
    loop.refcount = 1;
    loop.state = ModuleState::Live;
    loop.params = {{QStringLiteral("max_loop"), QStringLiteral("0"), true}};
    snapshot.modules = {loop};
    return snapshot;
}

QList<HolderReport> sampleHolders()
{
    Holder file;
    file.kind = HolderKind::File;
    file.pid = 42;
    file.comm = QStringLiteral("sleep");
    file.fds = {3, 4};
    file.path = QStringLiteral("/dev/loop-control");
    file.source = HolderSource::Exact;
    file.rule = QStringLiteral("f_op owner");
    return {{QStringLiteral("loop"),
             1,
             {file},
             0,
             QStringLiteral("one open file"),
             {QStringLiteral("close it")},
             1763780012345,
             {{HolderSentenceCode::InUseOne, {"loop", "1", "0"}}},
             {{HolderSentenceCode::HolderStep, {"0"}}},
             {}}};
}

// A store like live capture fills: details aside, a baseline, losses.
std::unique_ptr<EventStore> sampleEvents(int count)
{
    auto store = std::make_unique<EventStore>();
    store->setBaseline(QStringLiteral("loop"), 1);
    auto details = std::make_unique<CapturedDetails>(store.get());
    CapturedDetails *d = details.get();
    store->setDetailsSource(std::move(details));
    for (int i = 0; i < count; ++i) {
        const bool get = i % 2 == 0;
        ModuleEvent e{1000 + i * 10, i % 2, get ? ModuleEventKind::Get : ModuleEventKind::Put,
                      i % 3 == 2 ? QStringLiteral("fuse") : QStringLiteral("loop"), get ? 2 : 1};
        EventDetails details;
        details.pid = 100 + i % 7;
        details.comm = i % 5 == 0 ? QStringLiteral("a, \"quoted\" comm") : QStringLiteral("flood");
        details.callSite = 0xffffffffa68ba390ULL + quint64(i % 2);
        details.callSiteName = get ? QStringLiteral("misc_open+0x70") : QString();
        if (i % 4 == 0)
            details.stack = {QStringLiteral("try_module_get+0x85 (0xffffffffb0b48175)"),
                             QStringLiteral("misc_open+0x70 (0xffffffffb10ba390)")};
        store->append(e);
        d->append(details);
    }
    store->appendLost({1500, 1, 17});
    store->appendLost({1600, 0, -1});
    return store;
}

void compareStores(const EventStore &a, const EventStore &b)
{
    QCOMPARE(b.size(), a.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const ModuleEvent x = a.event(i), y = b.event(i);
        QCOMPARE(y.timestampNs, x.timestampNs);
        QCOMPARE(y.cpu, x.cpu);
        QCOMPARE(y.kind, x.kind);
        QCOMPARE(y.module, x.module);
        QCOMPARE(y.refcount, x.refcount);
        const EventDetails p = a.details(i), q = b.details(i);
        QCOMPARE(q.pid, p.pid);
        QCOMPARE(q.comm, p.comm);
        QCOMPARE(q.callSite, p.callSite);
        QCOMPARE(q.callSiteName, p.callSiteName);
        QCOMPARE(q.stack, p.stack);
        QCOMPARE(q.text, p.text);
    }
    QCOMPARE(b.lostEvents().size(), a.lostEvents().size());
    for (qsizetype i = 0; i < a.lostEvents().size(); ++i) {
        QCOMPARE(b.lostEvents().at(i).timestampNs, a.lostEvents().at(i).timestampNs);
        QCOMPARE(b.lostEvents().at(i).cpu, a.lostEvents().at(i).cpu);
        QCOMPARE(b.lostEvents().at(i).count, a.lostEvents().at(i).count);
    }
    for (int m = 0; m < a.moduleCount(); ++m) {
        const int other = b.findModule(a.moduleName(m));
        QVERIFY(other >= 0);
        QCOMPARE(b.countAt(other, 0), a.countAt(m, 0)); // the baseline survives
    }
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Events whose comms are random text: a payload zlib cannot shrink much,
// `bytes` or so once compressed.
std::unique_ptr<EventStore> incompressibleEvents(int bytes)
{
    auto store = std::make_unique<EventStore>();
    auto details = std::make_unique<CapturedDetails>(store.get());
    CapturedDetails *d = details.get();
    store->setDetailsSource(std::move(details));
    QRandomGenerator random(7);
    for (int i = 0; i * 64 < bytes; ++i) {
        EventDetails details;
        for (int c = 0; c < 48; ++c)
            details.comm += QChar(u'!' + random.bounded(90));
        store->append(ModuleEvent{1000 + i, 0, ModuleEventKind::Get, QStringLiteral("loop"), 2});
        d->append(details);
    }
    return store;
}

// A tmpfs of `kib` KiB mounted on `dir` (the test runs as root, as CI
// does), unmounted when it goes.
struct SmallDisk {
    QString dir;
    bool mounted = false;
    SmallDisk(const QString &where, int kib) : dir(where)
    {
        QDir().mkpath(dir);
        mounted = QProcess::execute(QStringLiteral("mount"),
                                    {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                     QStringLiteral("-o"), QStringLiteral("size=%1k").arg(kib),
                                     QStringLiteral("tmpfs"), dir}) == 0;
    }
    ~SmallDisk()
    {
        if (mounted)
            QProcess::execute(QStringLiteral("umount"), {dir});
    }
};
} // namespace

class TestSessionFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    // A valid session's bytes, for the tests that spoil them.
    QByteArray savedBytes()
    {
        const auto events = sampleEvents(200);
        const QString file = path("valid.rscope");
        if (!saveSession(file, sampleSnapshot(), *events, sampleHolders()).isEmpty())
            return {};
        return readAll(file);
    }

    QString loadError(const QByteArray &bytes)
    {
        const QString file = path("spoiled.rscope");
        writeAll(file, bytes);
        Session session;
        return loadSession(file, &session);
    }

private slots:
    // A full disk mid-save: the save says so, the previous session is
    // still there and opens, and no temporary file is left behind.
    void fullDiskKeepsThePreviousFile()
    {
        SmallDisk disk(path("small-disk"), 1024);
        QVERIFY2(disk.mounted, "mounting a 1 MiB tmpfs needs root, as CI runs");
        const QString file = disk.dir + QStringLiteral("/kept.rscope");
        const auto small = sampleEvents(100);
        QCOMPARE(saveSession(file, sampleSnapshot(), *small, sampleHolders()), QString());
        const QByteArray before = [&] {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        const auto big = incompressibleEvents(2 << 20);
        const QString error = saveSession(file, sampleSnapshot(), *big, {});
        QVERIFY2(error.contains(file), qPrintable(error));
        QFile after(file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        compareStores(*small, *session.events);
        QCOMPARE(QDir(disk.dir).entryList(QDir::Files), QStringList{QStringLiteral("kept.rscope")});
    }

    // What `refscope-cli record` does when its output cannot take the
    // recording: it goes to the first fallback folder that can, whole.
    void recordingThatCannotBeWrittenGoesElsewhere()
    {
        SmallDisk disk(path("full-disk"), 256);
        QVERIFY2(disk.mounted, "mounting a 256 KiB tmpfs needs root, as CI runs");
        const auto big = incompressibleEvents(1 << 20);
        const QString fallback = path("fallback");
        QString writtenTo;
        const QString error = saveSessionKeeping(disk.dir + QStringLiteral("/capture.rscope"),
                                                 {disk.dir + QStringLiteral("/cache"), fallback},
                                                 sampleSnapshot(), *big, {}, &writtenTo);
        QVERIFY2(!error.isEmpty(), "the output's own disk is full");
        QVERIFY2(writtenTo.startsWith(fallback + QLatin1Char('/')), qPrintable(writtenTo));
        QVERIFY(writtenTo.endsWith(QStringLiteral(".rscope")));
        Session session;
        QCOMPARE(loadSession(writtenTo, &session), QString());
        compareStores(*big, *session.events);
        // Written where asked when it fits: no error, no fallback.
        QCOMPARE(saveSessionKeeping(path("fits.rscope"), {fallback}, sampleSnapshot(),
                                    *sampleEvents(10), {}, &writtenTo),
                 QString());
        QCOMPARE(writtenTo, path("fits.rscope"));
    }

    // Counts a crafted file claims (a string table of 0xFFFFFFFF entries,
    // a payload of 2 GiB in 4 KB) are refused before anything is reserved.
    void claimedCountsAreRefusedBeforeAllocating()
    {
        const QDir regressions(
            QStringLiteral(REFSCOPE_SOURCE_DIR "/tests/fuzz/regressions/session"));
        const QStringList files = regressions.entryList(QDir::Files);
        QVERIFY(files.size() >= 3);
        for (const QString &name : files) {
            Session session;
            const QString error = loadSession(regressions.filePath(name), &session);
            QVERIFY2(error.contains(QStringLiteral("is corrupted")), qPrintable(error));
        }
    }

    void roundTripIsExact()
    {
        const auto events = sampleEvents(1000);
        const QString file = path("round.rscope");
        QCOMPARE(saveSession(file, sampleSnapshot(), *events, sampleHolders()), QString());
        QVERIFY(looksLikeSessionFile(file));
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        QCOMPARE(session.snapshot, sampleSnapshot());
        QCOMPARE(session.holders, sampleHolders());
        compareStores(*events, *session.events);
    }

    // A session says where it was recorded: the snapshot's origin comes
    // back whole, and openRecording reports it.
    void originRoundTrips()
    {
        const auto events = sampleEvents(10);
        Snapshot snapshot = sampleSnapshot();
        snapshot.origin = readLocalSnapshot({.modinfo = false, .builtin = false}).origin;
        QVERIFY(snapshot.origin.isRecorded());
        const QString file = path("origin.rscope");
        QCOMPARE(saveSession(file, snapshot, *events, {}), QString());
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        QCOMPARE(session.snapshot.origin, snapshot.origin);
        Origin opened;
        QString error;
        QVERIFY2(openRecording(file, &error, {}, &opened), qPrintable(error));
        QCOMPARE(opened, snapshot.origin);
    }

    void emptySessionRoundTrips()
    {
        EventStore none;
        const QString file = path("empty-session.rscope");
        QCOMPARE(saveSession(file, Snapshot{}, none, {}), QString());
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        QCOMPARE(session.events->size(), std::size_t(0));
        QVERIFY(session.holders.isEmpty());
    }

    void newerVersionIsRefused()
    {
        QByteArray bytes = savedBytes();
        QVERIFY(!bytes.isEmpty());
        bytes[11] = char(kSessionFormatVersion + 1); // the version's low byte
        const QString error = loadError(bytes);
        QVERIFY2(error.contains(QLatin1String("newer RefScope")), qPrintable(error));
    }

    void truncatedFileIsRefused()
    {
        const QByteArray bytes = savedBytes();
        for (const qsizetype keep : {qsizetype(12), bytes.size() / 2, bytes.size() - 1}) {
            const QString error = loadError(bytes.left(keep));
            QVERIFY2(error.contains(QLatin1String("truncated")), qPrintable(error));
        }
    }

    void corruptedFileIsRefused()
    {
        QByteArray bytes = savedBytes();
        bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x5a);
        QString error = loadError(bytes);
        QVERIFY2(error.contains(QLatin1String("corrupted")), qPrintable(error));
        error = loadError(savedBytes() + "tail");
        QVERIFY2(error.contains(QLatin1String("corrupted")), qPrintable(error));
    }

    void otherFilesAreRefused()
    {
        QString error = loadError(QByteArray());
        QVERIFY2(error.contains(QLatin1String("not a RefScope session")), qPrintable(error));
        error = loadError(QByteArray("tracing\x17\x08\x44", 10));
        QVERIFY2(error.contains(QLatin1String("not a RefScope session")), qPrintable(error));
        Session session;
        error = loadSession(path("missing.rscope"), &session);
        QVERIFY2(error.contains(QLatin1String("cannot open")), qPrintable(error));
    }

    // Measured: prints the times; the bound only catches a gross regression.
    void millionEventsSaveAndOpenInSeconds()
    {
        const auto events = sampleEvents(1000000);
        const QString file = path("million.rscope");
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(saveSession(file, sampleSnapshot(), *events, {}), QString());
        const qint64 saveMs = timer.restart();
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        const qint64 openMs = timer.elapsed();
        qInfo("1M events: save %lld ms, open %lld ms, %lld bytes", saveMs, openMs,
              QFileInfo(file).size());
        QCOMPARE(session.events->size(), events->size());
        QVERIFY(saveMs < 10000 * kTimeScale && openMs < 10000 * kTimeScale);
    }

    // A trace file's curves start where its first events put them, whatever
    // the snapshot saved with them says (format 2 keeps each baseline).
    void baselinesSurviveAnyLaterSnapshot()
    {
        EventStore trace;
        trace.append({100, 0, ModuleEventKind::Get, QStringLiteral("loop"), 3});
        trace.append({200, 1, ModuleEventKind::Put, QStringLiteral("loop"), 2});
        const QString file = path("trace.rscope");
        Snapshot later = sampleSnapshot();
        later.modules[0].refcount = 7;
        QCOMPARE(saveSession(file, later, trace, {}), QString());
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        QCOMPARE(session.formatVersion, kSessionFormatVersion);
        QCOMPARE(session.events->moduleName(0), QStringLiteral("loop"));
        QCOMPARE(session.events->countAt(0, 0), 2);
        QCOMPARE(session.events->countAt(0, 150), 3);
    }

    // Told to stop, a save leaves no file behind (the old one, if any, stays).
    void stoppedSaveWritesNothing()
    {
        const auto events = sampleEvents(1000);
        const QString file = path("stopped.rscope");
        QList<int> seen;
        const QString error =
            saveSession(file, sampleSnapshot(), *events, {}, [&seen](int permille) {
                seen.append(permille);
                return false;
            });
        QVERIFY2(error.contains(QLatin1String("stopped")), qPrintable(error));
        QCOMPARE(seen, QList<int>{0});
        QVERIFY(!QFile::exists(file));
        seen.clear();
        QCOMPARE(saveSession(file, sampleSnapshot(), *events, {},
                             [&seen](int permille) {
                                 seen.append(permille);
                                 return true;
                             }),
                 QString());
        QCOMPARE(seen.last(), 1000);
    }

    // Sessions are written with zstd (format 5); one that zstd would pack
    // tighter than a reader accepts (1032 bytes per byte) is written with
    // zlib as format 4, and both open to the same events.
    void compressionFollowsWhatReadersAccept()
    {
        const auto varied = sampleEvents(1000);
        const QString zstdFile = path("zstd.rscope");
        QCOMPARE(saveSession(zstdFile, sampleSnapshot(), *varied, {}), QString());
        QCOMPARE(quint8(readAll(zstdFile).at(11)), quint8(5));
        Session session;
        QCOMPARE(loadSession(zstdFile, &session), QString());
        QCOMPARE(session.formatVersion, quint32(5));
        compareStores(*varied, *session.events);

        // 400,000 events the same in every byte (one timestamp).
        EventStore same;
        auto ownedDetails = std::make_unique<CapturedDetails>(&same);
        CapturedDetails *details = ownedDetails.get();
        same.setDetailsSource(std::move(ownedDetails));
        for (int i = 0; i < 400000; ++i) {
            same.append(ModuleEvent{1000, 0, ModuleEventKind::Get, QStringLiteral("loop"), 1});
            details->append(EventDetails{});
        }
        const QString zlibFile = path("zlib.rscope");
        QCOMPARE(saveSession(zlibFile, Snapshot{}, same, {}), QString());
        const QByteArray bytes = readAll(zlibFile);
        QCOMPARE(quint8(bytes.at(11)), quint8(4));
        const quint64 payload = qFromBigEndian<quint64>(bytes.constData() + 12);
        QVERIFY(payload <= quint64(bytes.size()) * 1032);
        Session again;
        QCOMPARE(loadSession(zlibFile, &again), QString());
        QCOMPARE(again.formatVersion, quint32(4));
        compareStores(same, *again.events);
    }

    // Counts below zero save and open again: a module being removed in the
    // snapshot (lsmod shows -1), and a first get while a module was going
    // (the kernel's count 0, so -1 after it and -2 before).
    void countsBelowZeroRoundTrip()
    {
        Snapshot snapshot;
        ModuleInfo unreadable;
        unreadable.name = QStringLiteral("unreadable");
        unreadable.state = ModuleState::Going; // lsmod shows -1 for it
        unreadable.refcount = -1;
        snapshot.modules.append(unreadable);
        EventStore events;
        applySnapshotBaseline(snapshot, &events);
        auto ownedDetails = std::make_unique<CapturedDetails>(&events);
        CapturedDetails *details = ownedDetails.get();
        events.setDetailsSource(std::move(ownedDetails));
        events.append(ModuleEvent{10, 0, ModuleEventKind::Get, QStringLiteral("going"), -1});
        details->append(EventDetails{});
        const QString file = path("unknown-counts.rscope");
        QCOMPARE(saveSession(file, snapshot, events, {}), QString());
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        compareStores(events, *session.events);
        const int going = session.events->findModule(QStringLiteral("going"));
        QCOMPARE(session.events->countAt(going, 0), -2);
        QCOMPARE(session.events->countAt(going, 10), -1);
    }

    // A version 1 file recorded in the lab guest (tests/fixtures/README.md):
    // `refscope-cli record` of /dev/loop-control opened and closed three
    // times while `sleep` held it, with `refscope-cli why loop --json`.
    void version1StaysReadable()
    {
        Session session;
        QCOMPARE(
            loadSession(QStringLiteral(REFSCOPE_FIXTURES_DIR "/session-v1-loop.rscope"), &session),
            QString());
        QCOMPARE(session.formatVersion, quint32(1));
        QCOMPARE(session.snapshot.kernelRelease, QStringLiteral("6.1.0-56-amd64"));
        QVERIFY(!session.snapshot.origin.isRecorded()); // written before origins were kept
        const EventStore &events = *session.events;
        QCOMPARE(events.size(), std::size_t(6));
        const int loop = events.findModule(QStringLiteral("loop"));
        QVERIFY(loop >= 0);
        QCOMPARE(events.eventsOf(loop).size(), std::size_t(6));
        // Version 1 takes each curve's start from the snapshot: sleep's open.
        QCOMPARE(events.countAt(loop, 0), 1);
        QCOMPARE(events.countAt(loop, std::numeric_limits<qint64>::max()), 1);
        QCOMPARE(session.holders.size(), 1);
        const HolderReport &report = session.holders.first();
        QCOMPARE(report.module, QStringLiteral("loop"));
        QCOMPARE(report.refcount, 1);
        QCOMPARE(report.unattributed, 0);
        QCOMPARE(report.holders.size(), 1);
        QCOMPARE(report.holders.first().comm, QStringLiteral("sleep"));
        QCOMPARE(report.holders.first().path, QStringLiteral("/dev/loop-control"));
        QCOMPARE(report.takenAtMs, qint64(0)); // version 1 did not keep it
    }

    // A version 2 file recorded in the lab guest (tests/data/traces/README.md):
    // no view, and everything else as written.
    void version2StaysReadable()
    {
        Session session;
        QCOMPARE(
            loadSession(QStringLiteral(REFSCOPE_TRACES_DIR "/leaky-ref-leak.rscope"), &session),
            QString());
        QCOMPARE(session.formatVersion, quint32(2));
        QVERIFY(session.view.isEmpty());
        QVERIFY(session.events->size() > 0);
    }

    // The window's view comes back as it was saved; a session without one
    // (refscope-cli record) opens with none.
    void viewRoundTrips()
    {
        const auto events = sampleEvents(100);
        SessionView view;
        view.selectedModule = QStringLiteral("loop");
        view.fromNs = events->timestampNs(10);
        view.toNs = events->timestampNs(90);
        view.markerANs = events->timestampNs(20);
        view.markerBNs = std::numeric_limits<qint64>::max() - 1; // exact beyond a double's 53 bits
        view.filterModule = QStringLiteral("loop");
        view.filterPid = 4242;
        view.filterKind = ModuleEventKind::Put;
        const QString file = path("view.rscope");
        QCOMPARE(saveSession(file, sampleSnapshot(), *events, sampleHolders(), {}, view),
                 QString());
        Session session;
        QCOMPARE(loadSession(file, &session), QString());
        QCOMPARE(session.formatVersion, kSessionFormatVersion);
        QVERIFY(session.view == view);
        compareStores(*events, *session.events);

        QCOMPARE(saveSession(file, sampleSnapshot(), *events, {}), QString());
        QCOMPARE(loadSession(file, &session), QString());
        QVERIFY(session.view.isEmpty());
    }

    // A view that cannot be meant is refused with the field named; one
    // with fields a later RefScope adds is read.
    void impossibleViewsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::newRow("unknown field") << QByteArray(R"({"module":"loop","zoom_y":2})") << true;
        QTest::newRow("range backwards")
            << QByteArray(R"({"from_ns":"200","to_ns":"100"})") << false;
        QTest::newRow("half a range") << QByteArray(R"({"from_ns":"200"})") << false;
        QTest::newRow("time as a number") << QByteArray(R"({"marker_a_ns":5})") << false;
        QTest::newRow("negative pid") << QByteArray(R"({"filter_pid":-3})") << false;
        QTest::newRow("fractional pid") << QByteArray(R"({"filter_pid":1.5})") << false;
        QTest::newRow("unknown kind") << QByteArray(R"({"filter_kind":"module_eat"})") << false;
        QTest::newRow("module not a string") << QByteArray(R"({"module":7})") << false;
    }
    void impossibleViewsAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        SessionView view;
        QString error;
        QCOMPARE(sessionViewFromJson(QJsonDocument::fromJson(json).object(), &view, &error), valid);
        QCOMPARE(error.isEmpty(), valid);
    }

    void csvQuotesAsRfc4180Says()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
        QCOMPARE(csvField(QString()), QString());
    }

    void csvExportHasOneLinePerEvent()
    {
        const auto events = sampleEvents(3);
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QCOMPARE(writeEventsCsv(*events, &out), QString());
        const QList<QByteArray> lines = out.data().split('\n');
        QCOMPARE(lines.size(), 5); // header, 3 events, the empty rest after the last CRLF
        QCOMPARE(lines.at(0), QByteArray("time,cpu,pid,comm,event,module,count,call_site\r"));
        QCOMPARE(lines.at(1), QByteArray("0.000001000,0,100,\"a, \"\"quoted\"\" comm\",module_get,"
                                         "loop,2,misc_open+0x70\r"));
        QCOMPARE(lines.at(2),
                 QByteArray("0.000001010,1,101,flood,module_put,loop,1,0xffffffffa68ba391\r"));
    }
};

} // namespace refscope

QTEST_GUILESS_MAIN(refscope::TestSessionFile)
#include "tst_session_file.moc"
