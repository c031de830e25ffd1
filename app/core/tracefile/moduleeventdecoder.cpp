// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/moduleeventdecoder.h"

#include <traceevent/event-parse.h>

#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace refscope {

ModuleEventDecoder::ModuleEventDecoder(tep_handle *tep) : m_tep(tep)
{
    m_longSize = tep_get_long_size(tep);
    m_bigEndian = tep_is_file_bigendian(tep);
    resolve(ModuleEventKind::Load, "module_load");
    resolve(ModuleEventKind::Free, "module_free");
    resolve(ModuleEventKind::Get, "module_get");
    resolve(ModuleEventKind::Put, "module_put");
    resolve(ModuleEventKind::Request, "module_request");
    if (tep_event *stack = tep_find_event_by_name(tep, "ftrace", "kernel_stack")) {
        tep_format_field *caller = tep_find_field(stack, "caller");
        tep_format_field *size = tep_find_field(stack, "size");
        if (caller && size && size->size == 4) {
            m_kernelStackId = stack->id;
            m_stackCallerOffset = caller->offset;
            m_stackSizeOffset = size->offset;
        }
    }
}

bool ModuleEventDecoder::resolve(ModuleEventKind kind, const char *name)
{
    tep_event *event = tep_find_event_by_name(m_tep, "module", name);
    if (!event)
        return false;
    tep_format_field *moduleName = tep_find_field(event, "name");
    if (!moduleName || !(moduleName->flags & TEP_FIELD_IS_DYNAMIC) || moduleName->size != 4)
        return false;
    EventFormat &format = m_formats[int(kind)];
    format.id = event->id;
    format.nameOffset = moduleName->offset;
    if (tep_format_field *refcnt = tep_find_field(event, "refcnt")) {
        format.refcntOffset = refcnt->offset;
        format.refcntSize = refcnt->size;
    }
    if (tep_format_field *ip = tep_find_field(event, "ip")) {
        format.ipOffset = ip->offset;
        format.ipSize = ip->size;
    }
    if (tep_format_field *type = tep_find_common_field(event, "common_type")) {
        m_typeOffset = type->offset;
        m_typeSize = type->size;
    }
    return true;
}

bool ModuleEventDecoder::hasModuleEvents() const
{
    return std::any_of(std::begin(m_formats), std::end(m_formats),
                       [](const EventFormat &format) { return format.id >= 0; });
}

namespace {

template <typename T> quint64 readNumber(const char *bytes, bool bigEndian)
{
    T value;
    std::memcpy(&value, bytes, sizeof value);
    return bigEndian ? qFromBigEndian(value) : qFromLittleEndian(value);
}

} // namespace

// What tep_read_number reads, without a call into libtraceevent for every
// field of every event; inline, as decode() reads three or four of them.
inline quint64 ModuleEventDecoder::readField(const void *data, int size, int offset,
                                             int fieldSize) const
{
    // The offsets come from the file's format text: any int, so the sum is
    // taken wide enough not to overflow.
    if (offset < 0 || fieldSize < 0 || qint64(offset) + fieldSize > size)
        return 0;
    const char *bytes = static_cast<const char *>(data) + offset;
    switch (fieldSize) {
    case 1:
        return quint8(*bytes);
    case 2:
        return readNumber<quint16>(bytes, m_bigEndian);
    case 4:
        return readNumber<quint32>(bytes, m_bigEndian);
    case 8:
        return readNumber<quint64>(bytes, m_bigEndian);
    default:
        return 0;
    }
}

inline int ModuleEventDecoder::typeOf(const void *data, int size) const
{
    return int(readField(data, size, m_typeOffset, m_typeSize));
}

std::optional<ModuleEventDecoder::Decoded> ModuleEventDecoder::decode(const void *data,
                                                                      int size) const
{
    const int id = typeOf(data, size);
    const auto format = std::find_if(std::begin(m_formats), std::end(m_formats),
                                     [id](const EventFormat &f) { return f.id == id; });
    if (format == std::end(m_formats))
        return std::nullopt;
    // __data_loc: the low 16 bits are the string's offset in the record,
    // the high 16 bits its length including the terminating NUL.
    const quint32 location = quint32(readField(data, size, format->nameOffset, 4));
    const int offset = int(location & 0xffff);
    int length = int(location >> 16);
    if (offset + length > size)
        return std::nullopt;
    const char *name = static_cast<const char *>(data) + offset;
    while (length > 0 && name[length - 1] == '\0')
        --length;
    Decoded decoded{ModuleEventKind(format - std::begin(m_formats)), std::string_view(name, length),
                    -1, 0};
    if (format->refcntOffset >= 0) {
        // The tracepoint's refcnt is the raw atomic, MODULE_REF_BASE (1)
        // above the number lsmod prints.
        const auto raw = qint32(readField(data, size, format->refcntOffset, format->refcntSize));
        decoded.refcount = raw - 1;
    }
    if (format->ipOffset >= 0)
        decoded.ip = readField(data, size, format->ipOffset, format->ipSize);
    return decoded;
}

bool ModuleEventDecoder::isKernelStack(const void *data, int size) const
{
    return m_kernelStackId >= 0 && typeOf(data, size) == m_kernelStackId;
}

QList<quint64> ModuleEventDecoder::stackAddresses(const void *data, int size) const
{
    QList<quint64> addresses;
    const int entries = int(readField(data, size, m_stackSizeOffset, 4));
    const int end = std::min<qint64>(size, m_stackCallerOffset + qint64(entries) * m_longSize);
    for (qint64 offset = m_stackCallerOffset; offset >= 0 && offset + m_longSize <= end;
         offset += m_longSize) {
        const quint64 address = readField(data, size, int(offset), m_longSize);
        if (address == 0 || address == ~quint64(0))
            break;
        addresses.append(address);
    }
    return addresses;
}

} // namespace refscope
