// SPDX-License-Identifier: GPL-3.0-or-later
// Reads numbers and strings from a byte range in a file's endianness and
// never past its end: a read that would overrun marks the cursor failed
// and returns zero, so a parser checks ok() once per structure.
#pragma once

#include <QByteArray>
#include <QtEndian>

#include <cstring>

namespace refscope {

class ByteCursor {
public:
    ByteCursor(const uchar *data, qint64 size, bool bigEndian)
        : m_data(data), m_size(size), m_bigEndian(bigEndian)
    {
    }

    bool ok() const { return m_ok; }
    void fail() { m_ok = false; }
    qint64 position() const { return m_position; }
    qint64 remaining() const { return m_ok ? m_size - m_position : 0; }
    void seek(quint64 position)
    {
        if (position > quint64(m_size))
            fail();
        else
            m_position = qint64(position);
    }

    template <typename T> T read()
    {
        if (remaining() < qint64(sizeof(T))) {
            fail();
            return 0;
        }
        T value;
        std::memcpy(&value, m_data + m_position, sizeof(T));
        m_position += sizeof(T);
        return m_bigEndian ? qFromBigEndian(value) : qFromLittleEndian(value);
    }

    // The bytes up to the next NUL, which is consumed.
    QByteArray readString()
    {
        const qint64 left = remaining();
        const void *end = left > 0 ? std::memchr(m_data + m_position, 0, left) : nullptr;
        if (!end) {
            fail();
            return {};
        }
        const qint64 length = static_cast<const uchar *>(end) - (m_data + m_position);
        QByteArray text(reinterpret_cast<const char *>(m_data + m_position), length);
        m_position += length + 1;
        return text;
    }

    // `length` bytes, pointing into the range (valid while it is).
    const uchar *take(quint64 length)
    {
        if (quint64(remaining()) < length) {
            fail();
            return nullptr;
        }
        const uchar *bytes = m_data + m_position;
        m_position += qint64(length);
        return bytes;
    }

    QByteArray takeCopy(quint64 length)
    {
        const uchar *bytes = take(length);
        return bytes ? QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(length))
                     : QByteArray();
    }

private:
    const uchar *m_data;
    qint64 m_size;
    qint64 m_position = 0;
    bool m_bigEndian;
    bool m_ok = true;
};

} // namespace refscope
