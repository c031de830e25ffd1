// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/ringbufferpage.h"

#include <QByteArray>

namespace refscope {

namespace {

// The descriptions without their spaces and tabs, which vary with the
// kernel's printf widths.
QByteArray withoutSpaces(QByteArray text)
{
    text.removeIf([](char c) { return c == ' ' || c == '\t'; });
    return text;
}

} // namespace

bool isKnownRingBufferFormat(const QByteArray &headerPage, const QByteArray &headerEvent,
                             int longSize)
{
    const QByteArray page = withoutSpaces(headerPage);
    const QByteArray event = withoutSpaces(headerEvent);
    const QByteArray commit = "field:local_tcommit;offset:8;size:" + QByteArray::number(longSize);
    const QByteArray data = "field:chardata;offset:" + QByteArray::number(8 + longSize) + ';';
    return page.contains("field:u64timestamp;offset:0;size:8;") && page.contains(commit) &&
           page.contains(data) && event.contains("type_len:5bits") &&
           event.contains("time_delta:27bits") && event.contains("array:32bits") &&
           event.contains("padding:type==29") && event.contains("time_extend:type==30") &&
           event.contains("time_stamp:type==31") && event.contains("datamaxtype_len==28");
}

} // namespace refscope
