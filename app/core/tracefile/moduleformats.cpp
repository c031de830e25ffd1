// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/moduleformats.h"

#include "tracefile/childcheck.h"

#include <traceevent/event-parse.h>

#include <QSysInfo>

#include <mutex>

namespace refscope {

namespace {

// libtraceevent parses formats through a global buffer (ThreadSanitizer
// saw two background loads write it at once): one parse at a time.
std::mutex g_tepLock;

tep_handle *parseModuleFormats(const TraceFileLayout &layout)
{
    tep_handle *tep = tep_alloc();
    tep_set_file_bigendian(tep, layout.bigEndian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN);
    tep_set_local_bigendian(tep, QSysInfo::ByteOrder == QSysInfo::BigEndian ? TEP_BIG_ENDIAN
                                                                            : TEP_LITTLE_ENDIAN);
    tep_set_long_size(tep, layout.longSize);
    tep_set_page_size(tep, int(layout.pageSize));
    for (const auto &[system, format] : layout.eventFormats)
        if (system == "module")
            tep_parse_event(tep, format.constData(), format.size(), "module");
    return tep;
}

} // namespace

void TepDeleter::operator()(tep_handle *tep) const
{
    std::lock_guard lock(g_tepLock);
    tep_free(tep);
}

// libtraceevent's format parser follows a NULL pointer on some malformed
// format texts (a fuzzer found one): they are parsed in a child process
// first, as files that go to libtracecmd are read (tracehandle.cpp), and a
// file that kills the child (or keeps it 10 s) is refused.
bool formatsParseWithoutCrashing(const TraceFileLayout &layout)
{
    return survivesInChild(
        [&layout] {
            parseModuleFormats(layout);
            return 0;
        },
        10000);
}

ModuleFormats moduleFormats(const TraceFileLayout &layout)
{
    std::lock_guard lock(g_tepLock);
    return ModuleFormats(parseModuleFormats(layout));
}

ModuleFormats localEventFormats(const QList<std::pair<QByteArray, QByteArray>> &formats,
                                int pageSize)
{
    const auto order =
        QSysInfo::ByteOrder == QSysInfo::BigEndian ? TEP_BIG_ENDIAN : TEP_LITTLE_ENDIAN;
    std::lock_guard lock(g_tepLock);
    tep_handle *tep = tep_alloc();
    if (!tep)
        return {};
    tep_set_file_bigendian(tep, order);
    tep_set_local_bigendian(tep, order);
    tep_set_long_size(tep, int(sizeof(long)));
    tep_set_page_size(tep, pageSize);
    for (const auto &[system, format] : formats)
        tep_parse_event(tep, format.constData(), format.size(), system.constData());
    return ModuleFormats(tep);
}

} // namespace refscope
