// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/moduleformats.h"

#include "tracefile/childcheck.h"

#include <traceevent/event-parse.h>

#include <QSysInfo>

#include <mutex>
#include <unistd.h>

namespace refscope {

namespace {

extern "C" void __sanitizer_set_death_callback(void (*callback)()) __attribute__((weak));

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

ChildVerdict parseFormatsInChild(const TraceFileLayout &layout)
{
    const pid_t child = fork();
    if (child < 0)
        return ChildVerdict::Unknown; // cannot tell: parse as before
    if (child == 0) {
        if (__sanitizer_set_death_callback)
            __sanitizer_set_death_callback(nullptr); // the fuzzer's crash report is the parent's
        parseModuleFormats(layout);
        _exit(0);
    }
    return waitForCheckChild(child, 10000);
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
// file that kills the child (or keeps it 10 s, twice) is refused.
bool formatsParseWithoutCrashing(const TraceFileLayout &layout)
{
    // A child forked while another thread holds a lock the parse needs can
    // wait for it forever (likely an allocator's under AddressSanitizer,
    // whose runtime in Debian's GCC has no fork handlers: a real trace once
    // timed out there): a hang gets a second child before the file is
    // refused.
    ChildVerdict verdict = parseFormatsInChild(layout);
    if (verdict == ChildVerdict::TimedOut)
        verdict = parseFormatsInChild(layout);
    return verdict == ChildVerdict::Succeeded || verdict == ChildVerdict::Unknown;
}

ModuleFormats moduleFormats(const TraceFileLayout &layout)
{
    std::lock_guard lock(g_tepLock);
    return ModuleFormats(parseModuleFormats(layout));
}

} // namespace refscope
