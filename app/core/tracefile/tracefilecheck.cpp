// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/tracefilecheck.h"

#include "tracefile/tracefilemessages.h"

#include <QFile>
#include <QFileInfo>

namespace refscope {

namespace {

// The fixed start of a trace.dat (trace-cmd.dat(5)): magic, version string,
// endianness, size of a long, page size.
constexpr char magic[] = "\x17\x08\x44tracing";
constexpr int magicSize = sizeof(magic) - 1;

} // namespace

bool checkTraceFileHeader(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = TraceFileMessages::tr("%1: no such file").arg(path);
        return false;
    }
    if (!info.isFile()) {
        *error = TraceFileMessages::tr("%1: not a regular file").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = TraceFileMessages::tr("%1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() == 0) {
        *error = TraceFileMessages::tr("%1: the file is empty").arg(path);
        return false;
    }
    const QByteArray head = file.read(magicSize + 16);
    if (!head.startsWith(QByteArray(magic, magicSize))) {
        *error = TraceFileMessages::tr("%1: not a trace-cmd data file (trace.dat)").arg(path);
        return false;
    }
    const int versionEnd = head.indexOf('\0', magicSize);
    const QByteArray version = head.mid(magicSize, versionEnd - magicSize);
    if (versionEnd < 0 || (version != "6" && version != "7")) {
        *error = TraceFileMessages::tr("%1: trace.dat version %2 is not supported (6 and 7 are)")
                     .arg(path, QString::fromLatin1(version.left(8)));
        return false;
    }
    if (head.size() < versionEnd + 7) {
        *error = TraceFileMessages::tr("%1: the file ends inside its header").arg(path);
        return false;
    }
    const char endian = head[versionEnd + 1];
    const char longSize = head[versionEnd + 2];
    if ((endian != 0 && endian != 1) || (longSize != 4 && longSize != 8)) {
        *error = TraceFileMessages::tr("%1: the trace.dat header is corrupt").arg(path);
        return false;
    }
    return true;
}

} // namespace refscope
