// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionfile.h"

#include "capture/livecapturedetails.h"
#include "holders/holderreportjson.h"
#include "inventory/snapshotjson.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <exception>
#include <limits>
#include <memory>
#include <vector>
#include <zstd.h>

namespace refscope {

namespace {

// The messages' translation context: the GUI shows them in its language.
struct Messages {
    Q_DECLARE_TR_FUNCTIONS(refscope::SessionFile)
};

constexpr char kMagic[] = "RSCOPSES";
constexpr qsizetype kMagicSize = 8;
constexpr qsizetype kHeaderSize = kMagicSize + 4 + 8 + 8;
constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_4;
// How often a save reports progress, in events.
constexpr std::size_t kProgressStride = 1 << 16;
// qCompress stores the payload's size in 4 bytes (SESSION.md): a payload
// must stay under 4 GiB, and a bigger session is refused before its file
// is touched.
constexpr quint64 kMaxPayloadBytes = 0xffffffffull;
// deflate's best: 1032 bytes out of one compressed byte. zstd can pack far
// more, but a session never comes near it: a file claiming more is refused
// before anything is allocated, and a save that would write one writes
// zlib instead.
constexpr quint64 kMaxCompressionRatio = 1032;
// From this version on the payload is one zstd frame that records its
// size: a flood's events compress in about a quarter of zlib's time, a
// fifth smaller (SESSION.md).
constexpr quint32 kFirstZstdVersion = 5;
constexpr quint32 kLastZlibVersion = 4;
constexpr int kZstdLevel = 1;
// QDataStream::writeRawData takes an int: bigger blocks go in pieces.
constexpr qsizetype kWriteBlock = qsizetype(1) << 30;

QString decodeSession(const QString &path, quint32 version, const QByteArray &payload, quint64 size,
                      Session *session);

struct ZstdContextDeleter {
    void operator()(ZSTD_CCtx *context) const { ZSTD_freeCCtx(context); }
};

// One frame with the payload's size and a checksum of it (a flipped bit
// must not open as other events). Empty when zstd fails (it only does
// without memory).
QByteArray zstdCompress(const QByteArray &payload)
{
    const std::unique_ptr<ZSTD_CCtx, ZstdContextDeleter> context(ZSTD_createCCtx());
    if (!context ||
        ZSTD_isError(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, kZstdLevel)) ||
        ZSTD_isError(ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1)))
        return {};
    QByteArray out;
    out.resize(qsizetype(ZSTD_compressBound(size_t(payload.size()))));
    const size_t written = ZSTD_compress2(context.get(), out.data(), size_t(out.size()),
                                          payload.constData(), size_t(payload.size()));
    if (ZSTD_isError(written))
        return {};
    out.truncate(qsizetype(written));
    return out;
}

// The payload of `size` bytes, or empty when the data is not exactly one
// whole frame of that size with its checksum. Every claim is checked
// before allocating.
QByteArray zstdDecompress(const QByteArray &compressed, quint64 size)
{
    // RFC 8878: the frame's magic number, then its descriptor, whose bit 2
    // says a checksum ends the frame.
    static const char kFrameMagic[] = {'\x28', '\xb5', '\x2f', '\xfd'};
    if (compressed.size() < 5 || memcmp(compressed.constData(), kFrameMagic, 4) != 0 ||
        (compressed.at(4) & 0x04) == 0 ||
        ZSTD_getFrameContentSize(compressed.constData(), size_t(compressed.size())) != size ||
        size == 0 ||
        ZSTD_findFrameCompressedSize(compressed.constData(), size_t(compressed.size())) !=
            size_t(compressed.size()))
        return {};
    QByteArray payload;
    payload.resize(qsizetype(size));
    const size_t got = ZSTD_decompress(payload.data(), size_t(size), compressed.constData(),
                                       size_t(compressed.size()));
    if (ZSTD_isError(got) || got != size)
        return {};
    return payload;
}

// The payload is in memory: a count is at most the bytes left over the
// least each element takes. Qt's own container readers reserve whatever
// count the stream claims (0xFFFFFFFF strings are 96 GiB), so the
// payload's lists are read here instead, in the same layout.
bool countFits(QDataStream &in, quint32 count, qint64 minElementBytes)
{
    const QIODevice *device = in.device();
    return in.status() == QDataStream::Ok && device &&
           qint64(count) <= device->bytesAvailable() / minElementBytes;
}

bool readStringList(QDataStream &in, QStringList *list)
{
    quint32 count = 0;
    in >> count;
    if (!countFits(in, count, 4)) { // a QString takes 4 bytes at least
        in.setStatus(QDataStream::ReadCorruptData);
        return false;
    }
    list->clear();
    list->reserve(count);
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i)
        in >> list->emplace_back();
    return in.status() == QDataStream::Ok;
}

bool readIntList(QDataStream &in, QList<int> *list)
{
    quint32 count = 0;
    in >> count;
    if (!countFits(in, count, 4)) {
        in.setStatus(QDataStream::ReadCorruptData);
        return false;
    }
    list->clear();
    list->reserve(count);
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        qint32 value = 0;
        in >> value;
        list->append(value);
    }
    return in.status() == QDataStream::Ok;
}

void writeHolders(QDataStream &out, const QList<HolderReport> &reports)
{
    // JSON as the agent sends it: fields the holders code adds later come
    // along without a new format version.
    out << quint32(reports.size());
    for (const HolderReport &r : reports)
        out << qint64(r.takenAtMs)
            << QJsonDocument(holderReportToJson(r)).toJson(QJsonDocument::Compact);
}

bool readHolders(QDataStream &in, QList<HolderReport> *reports)
{
    quint32 count = 0;
    in >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        qint64 takenAtMs = 0;
        QByteArray json;
        in >> takenAtMs >> json;
        HolderReport r;
        QString error;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
            !holderReportFromJson(document.object(), &r, &error))
            return false;
        r.takenAtMs = takenAtMs;
        reports->append(r);
    }
    return in.status() == QDataStream::Ok;
}

// Version 1 wrote each field of a holder report in binary.
bool readHoldersV1(QDataStream &in, QList<HolderReport> *reports)
{
    quint32 count = 0;
    in >> count;
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        HolderReport r;
        qint32 refcount = 0, unexplained = 0;
        quint32 holders = 0;
        in >> r.module >> refcount >> holders;
        for (quint32 j = 0; j < holders && in.status() == QDataStream::Ok; ++j) {
            Holder h;
            quint8 kind = 0, source = 0;
            qint32 pid = 0, refs = 0;
            in >> kind >> pid >> h.comm;
            readIntList(in, &h.fds);
            readIntList(in, &h.sharedWith);
            in >> h.path >> refs >> source >> h.rule;
            if (kind > quint8(HolderKind::Kthread) || source > quint8(HolderSource::Inferred))
                return false;
            h.kind = HolderKind(kind);
            h.source = HolderSource(source);
            h.pid = pid;
            h.refs = refs;
            r.holders.append(h);
        }
        in >> unexplained >> r.verdict;
        readStringList(in, &r.steps);
        r.refcount = refcount;
        r.unattributed = unexplained;
        reports->append(r);
    }
    return in.status() == QDataStream::Ok;
}

// One event in the payload takes at least this many bytes (no stack).
constexpr qsizetype kEventBytesAtLeast = 8 + 4 + 1 + 4 + 4 + 4 + 4 + 8 + 4 + 4;

// Writes `value` big-endian at *at and moves past it.
template <typename T> void putBigEndian(char **at, T value)
{
    qToBigEndian(value, *at);
    *at += sizeof(T);
}

// False when `progress` stopped it; *complete false when the payload
// could not be built whole (more than memory or QByteArray holds).
bool encodePayload(const Snapshot &snapshot, const EventStore &events,
                   const QList<HolderReport> &holders, const SessionView &view,
                   const SessionProgress &progress, QByteArray *payload, bool *complete)
{
    // Events first into their own buffer: the string table they fill is
    // written before them.
    StringTable strings;
    QByteArray eventBytes;
    {
        QDataStream out(&eventBytes, QIODevice::WriteOnly);
        out.setVersion(kStreamVersion);
        // The count before each module's first event, in module id order:
        // the curves start where they started, and the ids stay the same.
        out << quint32(events.moduleCount());
        for (int id = 0; id < events.moduleCount(); ++id)
            out << strings.id(events.moduleName(id))
                << qint32(events.countAt(id, std::numeric_limits<qint64>::min()));
        out << quint64(events.size());
    }
    // The events themselves in QDataStream's layout (big-endian, fixed
    // sizes), appended directly: a stream call per field made saving a
    // flood's events several times slower.
    eventBytes.reserve(eventBytes.size() + qsizetype(events.size()) * kEventBytesAtLeast);
    std::vector<quint32> moduleStrings(std::size_t(events.moduleCount()));
    for (int id = 0; id < events.moduleCount(); ++id)
        moduleStrings[std::size_t(id)] = strings.id(events.moduleName(id));
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (progress && i % kProgressStride == 0 && !progress(int(900 * i / events.size())))
            return false;
        const EventDetails d = events.detailsWithoutText(i);
        // The event's bytes are made room for at once, then written in
        // place (an append per field cost more than the fields).
        const qsizetype need = kEventBytesAtLeast + 4 * qsizetype(d.stack.size());
        const qsizetype start = eventBytes.size();
        if (start + need > eventBytes.capacity())
            eventBytes.reserve(std::max(2 * eventBytes.capacity(), start + need));
        eventBytes.resize(start + need);
        char *at = eventBytes.data() + start;
        putBigEndian(&at, qint64(events.timestampNs(i)));
        putBigEndian(&at, qint32(events.cpu(i)));
        putBigEndian(&at, quint8(events.kind(i)));
        putBigEndian(&at, moduleStrings[std::size_t(events.moduleId(i))]);
        putBigEndian(&at, qint32(events.refcount(i)));
        putBigEndian(&at, qint32(d.pid));
        putBigEndian(&at, strings.id(d.comm));
        putBigEndian(&at, quint64(d.callSite));
        putBigEndian(&at, strings.id(d.callSiteName));
        putBigEndian(&at, quint32(d.stack.size()));
        for (const QString &frame : d.stack)
            putBigEndian(&at, strings.id(frame));
    }
    {
        QDataStream out(&eventBytes, QIODevice::WriteOnly | QIODevice::Append);
        out.setVersion(kStreamVersion);
        out << quint32(events.lostEvents().size());
        for (const LostEvents &l : events.lostEvents())
            out << qint64(l.timestampNs) << qint32(l.cpu) << qint64(l.count);
        writeHolders(out, holders);
        out << QJsonDocument(sessionViewToJson(view)).toJson(QJsonDocument::Compact);
        // Version 4: the kernel's counts per call site, empty without them.
        const std::optional<KernelCallSiteCounts> &counts = events.kernelCounts();
        out << (counts ? QJsonDocument(callSiteCountsToJson(*counts)).toJson(QJsonDocument::Compact)
                       : QByteArray());
        if (out.status() != QDataStream::Ok) {
            *complete = false;
            return true;
        }
    }
    QDataStream out(payload, QIODevice::WriteOnly);
    out.setVersion(kStreamVersion);
    out << QJsonDocument(snapshotToJson(snapshot)).toJson(QJsonDocument::Compact)
        << strings.strings();
    for (qsizetype at = 0; at < eventBytes.size() && out.status() == QDataStream::Ok;
         at += kWriteBlock) {
        const int block = int(std::min(kWriteBlock, eventBytes.size() - at));
        if (out.writeRawData(eventBytes.constData() + at, block) != block)
            out.setStatus(QDataStream::WriteFailed);
    }
    *complete = out.status() == QDataStream::Ok;
    return true;
}

// Reads a big-endian T at *at and moves past it; the caller checked the
// bytes are there.
template <typename T> T takeBigEndian(const char **at)
{
    const T value = qFromBigEndian<T>(*at);
    *at += sizeof(T);
    return value;
}

// The events of a payload (`in` reads `payload`) into a fresh store; false
// when they do not parse.
bool decodeEvents(QDataStream &in, const QByteArray &payload, const QStringList &strings,
                  quint32 version, EventStore *store)
{
    auto text = [&](quint32 id, QString *out) {
        if (id >= quint32(strings.size()))
            return false;
        *out = strings.at(id);
        return true;
    };
    if (version >= 2) {
        quint32 modules = 0;
        in >> modules;
        for (quint32 m = 0; m < modules; ++m) {
            quint32 name = 0;
            qint32 baseline = 0;
            QString module;
            in >> name >> baseline;
            // The least a writer keeps: -1 for a module being removed in
            // the snapshot, -2 before a first get that found one going.
            if (in.status() != QDataStream::Ok || !text(name, &module) || baseline < -2)
                return false;
            store->setBaseline(module, baseline);
        }
    }
    auto details = std::make_unique<CapturedDetails>(store);
    quint64 count = 0;
    in >> count;
    // The events themselves are read in place, in QDataStream's layout as
    // the writer wrote them: a stream call per field made opening a long
    // recording several times slower. The payload is in memory, so the
    // count is checked against its bytes before anything is reserved.
    QIODevice *device = in.device();
    const qint64 start = device ? device->pos() : -1;
    if (in.status() != QDataStream::Ok || start < 0 || start > payload.size())
        return false;
    const char *at = payload.constData() + start;
    const char *const end = payload.constData() + payload.size();
    if (count > quint64(end - at) / quint64(kEventBytesAtLeast))
        return false;
    store->reserve(std::size_t(count));
    qint64 lastTs = std::numeric_limits<qint64>::min();
    for (quint64 i = 0; i < count; ++i) {
        if (end - at < kEventBytesAtLeast)
            return false;
        ModuleEvent e;
        EventDetails d;
        e.timestampNs = takeBigEndian<qint64>(&at);
        e.cpu = takeBigEndian<qint32>(&at);
        const quint8 kind = takeBigEndian<quint8>(&at);
        const quint32 module = takeBigEndian<quint32>(&at);
        e.refcount = takeBigEndian<qint32>(&at);
        d.pid = takeBigEndian<qint32>(&at);
        const quint32 comm = takeBigEndian<quint32>(&at);
        d.callSite = takeBigEndian<quint64>(&at);
        const quint32 symbol = takeBigEndian<quint32>(&at);
        const quint32 frames = takeBigEndian<quint32>(&at);
        if (kind > quint8(ModuleEventKind::Request) || !text(module, &e.module) ||
            !text(comm, &d.comm) || !text(symbol, &d.callSiteName) || e.refcount < -1 ||
            e.timestampNs < lastTs || frames > quint64(end - at) / 4)
            return false;
        e.kind = ModuleEventKind(kind);
        lastTs = e.timestampNs;
        d.stack.reserve(frames);
        for (quint32 f = 0; f < frames; ++f) {
            if (!text(takeBigEndian<quint32>(&at), &d.stack.emplace_back()))
                return false;
        }
        store->append(e);
        details->append(d);
    }
    if (!device->seek(at - payload.constData()))
        return false;
    store->setDetailsSource(std::move(details));
    quint32 lost = 0;
    in >> lost;
    qint64 lostTotal = 0;
    for (quint32 i = 0; i < lost && in.status() == QDataStream::Ok; ++i) {
        LostEvents l;
        qint32 cpu = 0;
        in >> l.timestampNs >> cpu >> l.count;
        l.cpu = cpu;
        // More lost events than a 64-bit count holds were never recorded.
        if (l.count > std::numeric_limits<qint64>::max() - lostTotal)
            return false;
        lostTotal += std::max<qint64>(l.count, 0);
        store->appendLost(l);
    }
    return in.status() == QDataStream::Ok;
}

} // namespace

void applySnapshotBaseline(const Snapshot &snapshot, EventStore *events)
{
    for (const ModuleInfo &module : snapshot.modules)
        events->setBaseline(module.name, module.refcount);
}

QString saveSession(const QString &path, const Snapshot &snapshot, const EventStore &events,
                    const QList<HolderReport> &holders, const SessionProgress &progress,
                    const SessionView &view)
{
    QByteArray payload;
    QByteArray compressed;
    quint32 version = kSessionFormatVersion;
    try {
        bool complete = false;
        if (!encodePayload(snapshot, events, holders, view, progress, &payload, &complete))
            return Messages::tr("saving %1 was stopped").arg(path);
        if (const QString problem = events.detailsProblem(); !problem.isEmpty())
            return Messages::tr("cannot save %1: %2; %1 was not changed").arg(path, problem);
        if (!complete || quint64(payload.size()) > kMaxPayloadBytes)
            return Messages::tr("cannot save %1: the session is too large for a session file "
                                "(%2 MiB; at most 4 GiB before compression); %1 was not changed")
                .arg(path)
                .arg(payload.size() >> 20);
        compressed = zstdCompress(payload);
        if (quint64(payload.size()) > quint64(compressed.size()) * kMaxCompressionRatio) {
            // More than a reader accepts (or zstd failed): deflate, whose
            // best is under the bound. Level 1: a million events in well
            // under a second.
            compressed = qCompress(payload, 1);
            version = kLastZlibVersion;
        }
    } catch (const std::bad_alloc &) {
        return Messages::tr("cannot save %1: not enough memory; %1 was not changed").arg(path);
    }
    if (compressed.size() < 4)
        return Messages::tr("cannot save %1: not enough memory; %1 was not changed").arg(path);
    if (progress && !progress(950))
        return Messages::tr("saving %1 was stopped").arg(path);
    QByteArray header(kMagic, kMagicSize);
    header.resize(kHeaderSize);
    qToBigEndian(version, header.data() + kMagicSize);
    qToBigEndian(quint64(payload.size()), header.data() + kMagicSize + 4);
    qToBigEndian(quint64(compressed.size()), header.data() + kMagicSize + 12);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(header) != header.size() ||
        file.write(compressed) != compressed.size() || !file.commit())
        return Messages::tr("cannot write %1: %2").arg(path, file.errorString());
    if (progress)
        progress(1000);
    return {};
}

QString saveSessionKeeping(const QString &path, const QStringList &fallbackDirs,
                           const Snapshot &snapshot, const EventStore &events,
                           const QList<HolderReport> &holders, QString *writtenTo)
{
    writtenTo->clear();
    QString error = saveSession(path, snapshot, events, holders);
    if (error.isEmpty()) {
        *writtenTo = path;
        return {};
    }
    const QString name =
        QStringLiteral("%1-%2.rscope")
            .arg(QFileInfo(path).completeBaseName().isEmpty() ? QStringLiteral("recording")
                                                              : QFileInfo(path).completeBaseName(),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    for (const QString &dir : fallbackDirs) {
        if (!QDir().mkpath(dir)) {
            error += QLatin1Char('\n') + Messages::tr("cannot create %1").arg(dir);
            continue;
        }
        const QString fallback = QDir(dir).filePath(name);
        const QString fallbackError = saveSession(fallback, snapshot, events, holders);
        if (fallbackError.isEmpty()) {
            *writtenTo = fallback;
            return error;
        }
        error += QLatin1Char('\n') + fallbackError;
    }
    return error;
}

QStringList sessionFallbackDirs()
{
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty() || QDir::isRelativePath(cache))
        cache = QDir::home().filePath(QStringLiteral(".cache"));
    return {QDir(cache).filePath(QStringLiteral("refscope")), QDir::tempPath()};
}

bool looksLikeSessionFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(kMagicSize) == QByteArray(kMagic);
}

QString loadSession(const QString &path, Session *session)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Messages::tr("cannot open %1: %2").arg(path, file.errorString());
    const QByteArray header = file.read(kHeaderSize);
    if (!header.startsWith(QByteArray(kMagic)))
        return Messages::tr("%1 is not a RefScope session file").arg(path);
    if (header.size() < kHeaderSize)
        return Messages::tr("%1 is truncated (its header is incomplete)").arg(path);
    const quint32 version = qFromBigEndian<quint32>(header.constData() + kMagicSize);
    if (version > kSessionFormatVersion || version == 0)
        return Messages::tr("%1 was written by a newer RefScope (session format %2; this one "
                            "reads up to %3)")
            .arg(path)
            .arg(version)
            .arg(kSessionFormatVersion);
    const quint64 size = qFromBigEndian<quint64>(header.constData() + kMagicSize + 4);
    const quint64 compressedSize = qFromBigEndian<quint64>(header.constData() + kMagicSize + 12);
    const quint64 actual = quint64(file.size() - kHeaderSize);
    if (actual < compressedSize)
        return Messages::tr("%1 is truncated (%2 of %3 payload bytes)")
            .arg(path)
            .arg(actual)
            .arg(compressedSize);
    if (actual > compressedSize)
        return Messages::tr("%1 is corrupted (%2 bytes past its end)")
            .arg(path)
            .arg(actual - compressedSize);
    // Checked before anything is inflated: the size the compressed data
    // records (qCompress's own 4 bytes, zstd's frame header) must be the
    // header's, and at most 1032 bytes per compressed byte, so a few KB
    // cannot claim GiBs.
    const QByteArray compressed = file.read(qint64(compressedSize));
    const bool zstd = version >= kFirstZstdVersion;
    if (compressed.size() < 4 ||
        (!zstd && qFromBigEndian<quint32>(compressed.constData()) != size) ||
        size > kMaxPayloadBytes || size > quint64(compressed.size()) * kMaxCompressionRatio)
        return Messages::tr("%1 is corrupted (its payload does not decompress)").arg(path);
    try {
        return decodeSession(path, version,
                             zstd ? zstdDecompress(compressed, size) : qUncompress(compressed),
                             size, session);
    } catch (const std::exception &e) { // what the payload claims does not fit in memory
        return Messages::tr("%1 is corrupted (%2)").arg(path, QString::fromUtf8(e.what()));
    }
}

namespace {

QString decodeSession(const QString &path, quint32 version, const QByteArray &payload, quint64 size,
                      Session *session)
{
    if (quint64(payload.size()) != size)
        return Messages::tr("%1 is corrupted (its payload does not decompress)").arg(path);
    QDataStream in(payload);
    in.setVersion(kStreamVersion);
    QByteArray snapshotJson;
    QStringList strings;
    in >> snapshotJson;
    const bool stringsRead = readStringList(in, &strings);
    Session loaded;
    loaded.formatVersion = version;
    QString error;
    QJsonParseError jsonError;
    const QJsonDocument json = QJsonDocument::fromJson(snapshotJson, &jsonError);
    if (jsonError.error != QJsonParseError::NoError ||
        !snapshotFromJson(json.object(), &loaded.snapshot, &error))
        return Messages::tr("%1 is corrupted (its snapshot does not parse: %2)")
            .arg(path, error.isEmpty() ? jsonError.errorString() : error);
    loaded.events = std::make_unique<EventStore>();
    // Version 1 saved no baselines: the snapshot was the capture's.
    if (version == 1)
        applySnapshotBaseline(loaded.snapshot, loaded.events.get());
    // The string table is the events' (SESSION.md).
    if (!stringsRead || !decodeEvents(in, payload, strings, version, loaded.events.get()))
        return Messages::tr("%1 is corrupted (its events do not parse)").arg(path);
    const bool holders =
        version == 1 ? readHoldersV1(in, &loaded.holders) : readHolders(in, &loaded.holders);
    if (!holders || (version < 3 && !in.atEnd()))
        return Messages::tr("%1 is corrupted (its holder reports do not parse)").arg(path);
    if (version >= 3) {
        QByteArray viewJson;
        in >> viewJson;
        const QJsonDocument view = QJsonDocument::fromJson(viewJson, &jsonError);
        if (in.status() != QDataStream::Ok || (version == 3 && !in.atEnd()) ||
            jsonError.error != QJsonParseError::NoError || !view.isObject() ||
            !sessionViewFromJson(view.object(), &loaded.view, &error))
            return Messages::tr("%1 is corrupted (its view does not parse: %2)")
                .arg(path, error.isEmpty() ? jsonError.errorString() : error);
    }
    if (version >= 4) {
        QByteArray countsJson;
        in >> countsJson;
        KernelCallSiteCounts counts;
        const QJsonDocument document = countsJson.isEmpty()
                                           ? QJsonDocument()
                                           : QJsonDocument::fromJson(countsJson, &jsonError);
        if (in.status() != QDataStream::Ok || !in.atEnd() ||
            (!countsJson.isEmpty() &&
             (!document.isObject() || !callSiteCountsFromJson(document.object(), &counts, &error))))
            return Messages::tr("%1 is corrupted (its call site counts do not parse)").arg(path);
        if (!countsJson.isEmpty())
            loaded.events->setKernelCounts(counts);
    }
    loaded.events->squeeze();
    *session = std::move(loaded);
    return {};
}

} // namespace

} // namespace refscope
