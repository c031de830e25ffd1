// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an event's pid, comm, call site, text and stack back from its
// trace.dat file on demand, through libtracecmd. The loader leaves sparse
// per-CPU checkpoints (a record offset every so many module events of that
// CPU); an event is found by seeking to the checkpoint before it and
// stepping forward. Every read first checks that the file is still the
// one loaded: libtracecmd maps and trusts it, and a file recorded again to
// the same name under a loaded recording would be read as if it were it.
#pragma once

#include "events/eventstore.h"
#include "tracefile/tracehandle.h"

#include <chrono>
#include <mutex>
#include <optional>
#include <vector>

#include <sys/stat.h>

namespace refscope {

class TraceFileDetails : public EventDetailsSource {
public:
    static constexpr int checkpointInterval = 256; // module events of one CPU

    struct Checkpoint {
        std::uint32_t storeIndex;
        quint64 recordOffset;
    };

    // `handle` may be null: the file is then opened on the first request
    // (opening parses the kernel's symbols, which a load does not need).
    TraceFileDetails(const QString &path, std::unique_ptr<TraceHandle> handle,
                     const EventStore &store,
                     std::vector<std::vector<Checkpoint>> checkpointsPerCpu);
    ~TraceFileDetails() override;
    TraceFileDetails(const TraceFileDetails &) = delete;
    TraceFileDetails &operator=(const TraceFileDetails &) = delete;
    EventDetails details(std::size_t index) const override;
    QString problem() const override;

private:
    // What tells the file loaded from one recorded again over it.
    struct Identity {
        dev_t device;
        ino_t inode;
        off_t size;
        timespec modified;
    };
    static std::optional<Identity> identityOf(const struct stat &st);
    static bool sameFile(const std::optional<Identity> &a, const std::optional<Identity> &b);
    // Nothing more is read from a file found changed (m_mutex held).
    void forgetChangedFile() const;

    mutable std::mutex m_mutex; // the handle's read position is shared state
    QString m_path;
    QByteArray m_localPath;
    // The file as the loader handed the events over, held open: fstat on
    // it costs far less than a stat of the path, and an in-place rewrite
    // (what could change what libtracecmd has mapped) shows on it.
    int m_fd = -1;
    std::optional<Identity> m_identity;
    mutable std::chrono::steady_clock::time_point m_lastChecked{};
    mutable std::unique_ptr<TraceHandle> m_handle;
    mutable bool m_openFailed = false;
    mutable QString m_problem;
    const EventStore &m_store;
    std::vector<std::vector<Checkpoint>> m_checkpoints;
};

} // namespace refscope
