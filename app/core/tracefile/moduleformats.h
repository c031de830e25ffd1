// SPDX-License-Identifier: GPL-3.0-or-later
// The module events' formats of a trace.dat, parsed by libtraceevent for
// the fast path's decoder: checked first in a child process (the parser
// crashes on some malformed texts) and parsed one at a time (it writes a
// global buffer).
#pragma once

#include "tracefile/tracefilelayout.h"

#include <memory>

struct tep_handle;

namespace refscope {

struct TepDeleter {
    void operator()(tep_handle *tep) const;
};
using ModuleFormats = std::unique_ptr<tep_handle, TepDeleter>;

// False when parsing the layout's module formats kills a child process or
// keeps it 10 s, twice: such a file is refused.
bool formatsParseWithoutCrashing(const TraceFileLayout &layout);

// The layout's module event formats (those of other systems are not read).
ModuleFormats moduleFormats(const TraceFileLayout &layout);

// Formats as tracefs prints them, (system, format text) each, of data in
// this machine's byte order: live capture reads its own kernel's. Only
// these: libtracefs's way to the local formats also parses all of
// /proc/kallsyms and printk_formats, most of a second in the lab's
// emulated guest.
ModuleFormats localEventFormats(const QList<std::pair<QByteArray, QByteArray>> &formats,
                                int pageSize);

} // namespace refscope
