// SPDX-License-Identifier: GPL-3.0-or-later
// Decodes `module` events straight from a record's bytes: the event ids and
// field offsets come from the file's format descriptions once, so reading
// an event costs a few loads, not a lookup by name.
#pragma once

#include "events/moduleevent.h"

#include <optional>
#include <string_view>

struct tep_handle;

namespace refscope {

class ModuleEventDecoder {
public:
    ModuleEventDecoder() = default;
    // Resolves the module_* events and ftrace's kernel_stack in `tep`.
    explicit ModuleEventDecoder(tep_handle *tep);

    struct Decoded {
        ModuleEventKind kind;
        std::string_view module; // points into the record
        int refcount;            // lsmod's number, -1 if the event carries none
        quint64 ip;              // call site, 0 if the event has none
    };
    std::optional<Decoded> decode(const void *data, int size) const;
    bool isKernelStack(const void *data, int size) const;
    bool hasModuleEvents() const;

    // kernel_stack's return addresses, innermost first.
    QList<quint64> stackAddresses(const void *data, int size) const;

private:
    struct EventFormat {
        int id = -1;
        int nameOffset = -1; // of the __data_loc word
        int refcntOffset = -1;
        int refcntSize = 0;
        int ipOffset = -1;
        int ipSize = 0;
    };
    bool resolve(ModuleEventKind kind, const char *name);
    quint64 readField(const void *data, int size, int offset, int fieldSize) const;
    int typeOf(const void *data, int size) const;

    tep_handle *m_tep = nullptr;
    EventFormat m_formats[5];
    int m_typeOffset = 0; // common_type
    int m_typeSize = 2;
    int m_kernelStackId = -1;
    int m_stackSizeOffset = -1; // kernel_stack's entry count
    int m_stackCallerOffset = -1;
    int m_longSize = 8;
    bool m_bigEndian = false; // the recording's byte order
};

} // namespace refscope
