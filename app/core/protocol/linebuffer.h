// SPDX-License-Identifier: GPL-3.0-or-later
// Splits a byte stream into the protocol's '\n'-terminated lines.
#pragma once

#include <QByteArray>

namespace refscope {

class LineBuffer {
public:
    void append(const QByteArray &data);
    // Moves the next complete line (without '\n') into *line; false if none.
    bool takeLine(QByteArray *line);
    // True once the pending partial line exceeds kMaxLineBytes: the peer is
    // not speaking the protocol, and the stream should be dropped.
    bool overflowed() const;
    void clear();

private:
    QByteArray m_data;
    qsizetype m_scanned = 0; // bytes of m_data known to hold no '\n'
};

} // namespace refscope
