// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzztargets.h"

#include "holders/holderreportjson.h"
#include "inventory/snapshotjson.h"
#include "protocol/linebuffer.h"
#include "protocol/protocol.h"
#include "release/releasejson.h"
#include "session/sessionfile.h"
#include "tracefile/ringbufferscan.h"
#include "tracefile/tracefilelayout.h"
#include "tracefile/tracefilereader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QtEndian>

#include <unistd.h>

namespace refscope::fuzz {

namespace {

// The readers take a path, as the application hands them one: the input
// goes to a file of this process's own in /dev/shm (memory, not disk).
QString inputFile(const std::uint8_t *data, std::size_t size, const char *suffix)
{
    const QString dir =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    const QString path =
        QStringLiteral("%1/refscope-fuzz-%2.%3").arg(dir).arg(getpid()).arg(suffix);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}

QJsonObject jsonObject(const std::uint8_t *data, std::size_t size, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    *ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}

} // namespace

void traceFile(const std::uint8_t *data, std::size_t size)
{
    const QString path = inputFile(data, size, "dat");
    QString error;
    const auto store = readTraceFile(path, &error);
    if (!store && error.isEmpty())
        qFatal("a trace.dat was refused without a reason");
}

void traceLayout(const std::uint8_t *data, std::size_t size)
{
    // The input itself, not a mapped file: one byte past its end is outside
    // the fuzzer's allocation, where AddressSanitizer sees it.
    TraceFileLayout layout;
    QString error;
    if (!readTraceFileLayout(data, qint64(size), &layout, &error)) {
        if (error.isEmpty())
            qFatal("a trace.dat layout was refused without a reason");
        return;
    }
    if (layout.needsLibtracecmd)
        return; // readTraceFile hands those to libtracecmd
    RingBufferScan scan;
    if (!scanRingBuffers(data, layout, {}, &scan, &error) && error.isEmpty())
        qFatal("a trace.dat's pages were refused without a reason");
}

void sessionFile(const std::uint8_t *data, std::size_t size)
{
    // A whole file starts with the magic. Anything else is one byte of
    // format version (of the payload's layout: 1 to 4, version 5 only
    // changed the compression) and a payload, which gets the header and
    // zlib wrapping of a real file: mutations of compressed bytes would
    // almost never get past the checksum to the payload's decoder.
    QByteArray file(reinterpret_cast<const char *>(data), qsizetype(size));
    if (size > 0 && !file.startsWith("RSCOPSES")) {
        const QByteArray payload = file.mid(1);
        const QByteArray compressed = qCompress(payload, 1);
        QByteArray header("RSCOPSES", 8);
        header.resize(28);
        qToBigEndian(quint32(data[0] % 5), header.data() + 8);
        qToBigEndian(quint64(payload.size()), header.data() + 12);
        qToBigEndian(quint64(compressed.size()), header.data() + 20);
        file = header + compressed;
    }
    const QString path =
        inputFile(reinterpret_cast<const std::uint8_t *>(file.constData()), file.size(), "rscope");
    Session session;
    const QString error = loadSession(path, &session);
    if (!error.isEmpty() || !session.events)
        return;
    // What opens must save again as it was read.
    const QString again = path + QStringLiteral(".again");
    if (!saveSession(again, session.snapshot, *session.events, session.holders).isEmpty())
        qFatal("a session that opened does not save");
    Session reread;
    if (!loadSession(again, &reread).isEmpty() || reread.events->size() != session.events->size())
        qFatal("a session that opened does not open again after a save");
    QFile::remove(again);
}

void snapshotJson(const std::uint8_t *data, std::size_t size)
{
    bool ok = false;
    const QJsonObject json = jsonObject(data, size, &ok);
    Snapshot snapshot;
    QString error;
    if (!ok || !snapshotFromJson(json, &snapshot, &error))
        return;
    Snapshot again;
    if (!snapshotFromJson(snapshotToJson(snapshot), &again, &error))
        qFatal("a snapshot that parsed does not parse after a round trip: %s", qPrintable(error));
}

void holderReportJson(const std::uint8_t *data, std::size_t size)
{
    bool ok = false;
    const QJsonObject json = jsonObject(data, size, &ok);
    HolderReport report;
    QString error;
    if (!ok || !holderReportFromJson(json, &report, &error))
        return;
    HolderReport again;
    if (!holderReportFromJson(holderReportToJson(report), &again, &error))
        qFatal("a holder report that parsed does not parse after a round trip: %s",
               qPrintable(error));
}

void releaseJson(const std::uint8_t *data, std::size_t size)
{
    bool ok = false;
    const QJsonObject json = jsonObject(data, size, &ok);
    if (!ok)
        return;
    QString error;
    ReleaseRequest request;
    if (releaseRequestFromJson(json, &request, &error) &&
        !releaseRequestFromJson(releaseRequestToJson(request), &request, &error))
        qFatal("a release request does not survive a round trip: %s", qPrintable(error));
    ReleaseStep step;
    if (releaseStepFromJson(json, &step, &error) &&
        !releaseStepFromJson(releaseStepToJson(step), &step, &error))
        qFatal("a release step does not survive a round trip: %s", qPrintable(error));
    ReleaseResult result;
    if (releaseResultFromJson(json, &result, &error) &&
        !releaseResultFromJson(releaseResultToJson(result), &result, &error))
        qFatal("a release result does not survive a round trip: %s", qPrintable(error));
}

void protocolLines(const std::uint8_t *data, std::size_t size)
{
    // The first byte cuts the stream into pieces of that many bytes, as
    // reads from a pipe cut it anywhere.
    if (size == 0)
        return;
    const std::size_t piece = std::size_t(data[0]) + 1;
    LineBuffer buffer;
    QByteArray line;
    for (std::size_t at = 1; at < size; at += piece) {
        buffer.append(QByteArray(reinterpret_cast<const char *>(data + at),
                                 qsizetype(std::min(piece, size - at))));
        while (buffer.takeLine(&line)) {
            Request request;
            AgentMessage message;
            QString error;
            if (parseRequest(line, &request, &error)) {
                Request back;
                if (!parseRequest(encodeRequest(request).chopped(1), &back, &error))
                    qFatal("a request does not survive a round trip: %s", qPrintable(error));
                helloMismatch(request.params);
            }
            if (parseAgentMessage(line, &message, &error)) {
                const QByteArray encoded = message.isNotification
                                               ? encodeNotification(message.notification)
                                               : encodeReply(message.reply);
                AgentMessage back;
                if (!parseAgentMessage(encoded.chopped(1), &back, &error))
                    qFatal("an agent message does not survive a round trip: %s", qPrintable(error));
            }
        }
        if (buffer.overflowed())
            buffer.clear();
    }
}

} // namespace refscope::fuzz
