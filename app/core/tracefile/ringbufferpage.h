// SPDX-License-Identifier: GPL-3.0-or-later
// One page (sub-buffer) of the kernel's ring buffer as trace.dat stores it
// (kernel/trace/ring_buffer.c): a timestamp, a commit word whose low 27
// bits are the bytes of events and whose top bits flag lost events, then
// the events, each headed by 5 bits of type or length and 27 bits of time
// delta. Walked here inline rather than through libtraceevent's kbuffer,
// whose function call and indirect reads per field were a quarter of a
// load; the results are kbuffer's: timestamps, record offsets, lost counts.
// Nothing is read outside the page, so pages are walked in place.
#pragma once

#include <QtEndian>

#include <cstring>

class QByteArray;

namespace refscope {

// Whether the file's header_page and header_event describe the layout
// RingBufferPage reads (every kernel since 2.6.31); others go through
// libtracecmd.
bool isKnownRingBufferFormat(const QByteArray &headerPage, const QByteArray &headerEvent,
                             int longSize);

class RingBufferPage {
public:
    RingBufferPage(bool bigEndian, int longSize)
        : m_bigEndian(bigEndian), m_longSize(longSize), m_headerSize(8 + longSize)
    {
    }

    enum class Step { Event, End, Corrupt };

    // Starts on the page at `page`, `pageSize` bytes; false if its commit
    // claims more bytes than the page holds.
    bool load(const uchar *page, quint32 pageSize)
    {
        m_events = page + m_headerSize;
        m_capacity = pageSize - m_headerSize;
        m_timestamp = m_pageTimestamp = read64(page);
        const quint64 commit = m_longSize == 8 ? read64(page + 8) : read32(page + 8);
        m_size = commit & commitMask;
        m_next = 0;
        m_missed = 0;
        if (m_size > m_capacity)
            return false;
        if (commit & missedFlag) {
            // The kernel stores the count after the events only when it fits.
            m_missed = -1;
            if (commit & missedStored) {
                if (m_size + m_longSize > m_capacity)
                    return false;
                m_missed =
                    qint64(m_longSize == 8 ? read64(m_events + m_size) : read32(m_events + m_size));
            }
        }
        m_first = true;
        return true;
    }

    // Moves to the page's next data record.
    Step next()
    {
        for (;;) {
            m_current = m_next;
            if (m_next >= m_size)
                return finish(Step::End);
            if (m_current + 8 > m_capacity)
                return Step::Corrupt;
            const quint32 header = read32(m_events + m_current);
            const quint32 typeLen = m_bigEndian ? header >> 27 : header & 31;
            const quint64 delta = m_bigEndian ? header & ((1u << 27) - 1) : header >> 5;
            const quint64 array = read32(m_events + m_current + 4);
            quint64 index = m_current + 4;
            quint64 length = typeLen * 4;
            switch (typeLen) {
            case padding:
                m_timestamp += delta;
                m_next = index + array;
                continue;
            case timeExtend:
                m_timestamp += (array << 27) + delta;
                m_next = m_current + 8;
                continue;
            case timeStamp:
                // An absolute stamp lacks the top 5 bits: they stay.
                m_timestamp = ((array << 27) + delta) | (m_timestamp & (0xf8ull << 56));
                m_next = m_current + 8;
                continue;
            case 0:
                if (array < 4)
                    return Step::Corrupt;
                index += 4;
                length = (array - 4 + 3) & ~quint64(3);
                break;
            default:
                break;
            }
            m_timestamp += delta;
            if (index + length > m_size)
                return Step::Corrupt;
            m_data = m_events + index;
            m_length = int(length);
            m_next = index + length;
            return finish(Step::Event);
        }
    }

    // Events lost before this page, known once the first next() returned:
    // 0, their number, or -1 when the kernel only says "some". Like kbuffer,
    // a page that starts with a time stamp reports none.
    qint64 missedEvents() const { return m_missedReport; }
    quint64 pageTimestamp() const { return m_pageTimestamp; }

    const uchar *data() const { return m_data; }
    int length() const { return m_length; }
    quint64 timestamp() const { return m_timestamp; }
    // Of the current record from the page's start, as libtracecmd counts.
    quint64 offset() const { return m_headerSize + m_current; }

private:
    static constexpr quint64 commitMask = (1u << 27) - 1;
    static constexpr quint64 missedFlag = 1ull << 31;
    static constexpr quint64 missedStored = 1ull << 30;
    static constexpr quint32 padding = 29;
    static constexpr quint32 timeExtend = 30;
    static constexpr quint32 timeStamp = 31;

    Step finish(Step step)
    {
        if (m_first)
            m_missedReport = m_current == 0 ? m_missed : 0;
        m_first = false;
        return step;
    }
    quint32 read32(const uchar *p) const
    {
        quint32 value;
        std::memcpy(&value, p, sizeof value);
        return m_bigEndian ? qFromBigEndian(value) : qFromLittleEndian(value);
    }
    quint64 read64(const uchar *p) const
    {
        quint64 value;
        std::memcpy(&value, p, sizeof value);
        return m_bigEndian ? qFromBigEndian(value) : qFromLittleEndian(value);
    }

    const bool m_bigEndian;
    const int m_longSize;
    const quint64 m_headerSize;
    const uchar *m_events = nullptr;
    quint64 m_capacity = 0; // bytes after the page header
    quint64 m_size = 0;     // bytes of events
    quint64 m_current = 0;  // the current record, from m_events
    quint64 m_next = 0;
    quint64 m_timestamp = 0;
    quint64 m_pageTimestamp = 0;
    qint64 m_missed = 0;
    qint64 m_missedReport = 0;
    bool m_first = false;
    const uchar *m_data = nullptr;
    int m_length = 0;
};

} // namespace refscope
