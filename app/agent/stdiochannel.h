// SPDX-License-Identifier: GPL-3.0-or-later
// Blocking line I/O on the agent's stdin/stdout, which are pipes (pkexec,
// ssh, tests) or, in the lab guest, a virtio-serial port.
#pragma once

#include "protocol/linebuffer.h"

#include <mutex>

namespace refscope {

class StdioChannel {
public:
    StdioChannel();

    enum class Status {
        Line,       // *line holds the next request line
        PeerClosed, // the host side of the serial port closed; a new client may come
        Closed,     // end of input: the agent should exit
        TooLong,    // a line exceeded kMaxLineBytes: the peer does not speak the protocol
    };
    Status readLine(QByteArray *line);
    // Writes every byte; false when the reader is gone. Thread-safe: live
    // tracing's reader thread sends notifications between replies.
    bool write(const QByteArray &data);

private:
    LineBuffer m_lines;
    bool m_reconnectable = false;
    bool m_peerGone = false;
    std::mutex m_writeLock;
};

} // namespace refscope
