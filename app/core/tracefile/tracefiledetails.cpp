// SPDX-License-Identifier: GPL-3.0-or-later
#include "tracefile/tracefiledetails.h"

#include "tracefile/tracefilemessages.h"

#include <traceevent/event-parse.h>

#include <algorithm>
#include <chrono>

#include <fcntl.h>
#include <unistd.h>

namespace refscope {

TraceFileDetails::TraceFileDetails(const QString &path, std::unique_ptr<TraceHandle> handle,
                                   const EventStore &store,
                                   std::vector<std::vector<Checkpoint>> checkpointsPerCpu)
    : m_path(path), m_localPath(path.toLocal8Bit()),
      m_fd(::open(m_localPath.constData(), O_RDONLY | O_CLOEXEC)), m_handle(std::move(handle)),
      m_store(store), m_checkpoints(std::move(checkpointsPerCpu))
{
    struct stat st {};
    if (m_fd >= 0 && ::fstat(m_fd, &st) == 0)
        m_identity = identityOf(st);
}

TraceFileDetails::~TraceFileDetails()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::optional<TraceFileDetails::Identity> TraceFileDetails::identityOf(const struct stat &st)
{
    return Identity{st.st_dev, st.st_ino, st.st_size, st.st_mtim};
}

bool TraceFileDetails::sameFile(const std::optional<Identity> &a, const std::optional<Identity> &b)
{
    return a && b && a->device == b->device && a->inode == b->inode && a->size == b->size &&
           a->modified.tv_sec == b->modified.tv_sec && a->modified.tv_nsec == b->modified.tv_nsec;
}

void TraceFileDetails::forgetChangedFile() const
{
    m_handle.reset();
    m_openFailed = true;
    m_problem = TraceFileMessages::tr("%1 changed since it was loaded").arg(m_path);
}

EventDetails TraceFileDetails::details(std::size_t index) const
{
    if (index >= m_store.size())
        return {};
    const int cpu = m_store.cpu(index);
    if (cpu >= int(m_checkpoints.size()) || m_checkpoints[cpu].empty())
        return {};
    const auto &checkpoints = m_checkpoints[cpu];
    auto after = std::upper_bound(
        checkpoints.begin(), checkpoints.end(), index,
        [](std::size_t i, const Checkpoint &checkpoint) { return i < checkpoint.storeIndex; });
    if (after == checkpoints.begin())
        return {};
    const Checkpoint &checkpoint = *(after - 1);
    // How many module events of this CPU lie between the checkpoint and the
    // wanted one: the records to step over.
    int toSkip = 0;
    for (std::size_t i = checkpoint.storeIndex; i < index; ++i)
        toSkip += m_store.cpu(i) == cpu;

    std::lock_guard lock(m_mutex);
    // The file is looked at before the first read after a pause, and every
    // 20 ms of a long run of reads (an export): an fstat per event cost
    // 8-15 % of an export where system calls are slow. The path itself is
    // looked at before libtracecmd opens it.
    const auto unchanged = [this] {
        struct stat st {};
        return m_fd >= 0 && ::fstat(m_fd, &st) == 0 && sameFile(identityOf(st), m_identity) &&
               (m_handle || (::stat(m_localPath.constData(), &st) == 0 &&
                             sameFile(identityOf(st), m_identity)));
    };
    const auto now = std::chrono::steady_clock::now();
    const bool due = !m_handle || now - m_lastChecked > std::chrono::milliseconds(20);
    if (due)
        m_lastChecked = now;
    if (!m_openFailed && due && !unchanged())
        forgetChangedFile();
    if (!m_handle && !m_openFailed) {
        QString error;
        m_handle = TraceHandle::open(m_path, &error);
        m_openFailed = !m_handle;
        if (m_openFailed)
            m_problem = error;
    }
    if (!m_handle)
        return {};
    TraceRecord record = m_handle->readAt(checkpoint.recordOffset);
    while (record && (!m_handle->decode(record.get()) || toSkip-- > 0))
        record = m_handle->readNext(cpu);
    // The record found must be the event asked for; anything else means the
    // file changed since it was loaded, and no details beat wrong ones.
    if (!record || qint64(record->ts) != m_store.timestampNs(index) || record->cpu != cpu) {
        forgetChangedFile();
        return {};
    }
    // With `trace-cmd record -T` the kernel_stack event right after an
    // event on the same CPU is that event's stack.
    TraceRecord next = m_handle->readNext(cpu);
    const bool hasStack = next && m_handle->isKernelStack(next.get());
    return m_handle->details(record.get(), hasStack ? next.get() : nullptr);
}

QString TraceFileDetails::problem() const
{
    std::lock_guard lock(m_mutex);
    return m_problem;
}

} // namespace refscope
