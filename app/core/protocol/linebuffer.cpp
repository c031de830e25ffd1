// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/linebuffer.h"

#include "protocol/protocol.h"

namespace refscope {

void LineBuffer::append(const QByteArray &data)
{
    m_data.append(data);
}

bool LineBuffer::takeLine(QByteArray *line)
{
    const qsizetype end = m_data.indexOf('\n', m_scanned);
    if (end < 0) {
        m_scanned = m_data.size();
        return false;
    }
    *line = m_data.left(end);
    m_data.remove(0, end + 1);
    m_scanned = 0;
    return true;
}

bool LineBuffer::overflowed() const
{
    return m_scanned > kMaxLineBytes;
}

void LineBuffer::clear()
{
    m_data.clear();
    m_scanned = 0;
}

} // namespace refscope
