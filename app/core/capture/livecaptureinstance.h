// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope's own tracefs instance, "refscope": the module tracepoints are
// enabled there only, never in the top-level buffer or other tools'
// instances. A capture holds an exclusive flock on the instance directory
// while it runs, so an instance nobody holds was left by a RefScope that
// died, and the next one removes it.
#pragma once

#include <cstddef>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct tracefs_instance;

namespace refscope {

struct CaptureOptions {
    QStringList modules; // only these modules (kernel names); empty: all
    bool stacks = false; // a kernel stack with every module_get and module_put
    // Raw kernel addresses (call sites, stack frames) besides their symbols.
    // Off, only the symbols resolved here go out: an address tells where the
    // kernel lies in memory (KASLR), which a client has no need of.
    bool addresses = true;
    // Each CPU's ring buffer; 0: the default (8 MiB). A small one loses
    // events under a flood, which the kernel's call-site counts survive.
    int bufferKbPerCpu = 0;
    // Keep the pages read undecoded until the capture stops (up to
    // keptBytesMax, past which half of them are decoded): for a recording
    // nobody watches live
    // (refscope-cli record, guard), whose decoding would otherwise take CPU
    // time from the command it traces. Not sent to the agent: its capture
    // is always watched.
    bool decodeAtStop = false;
    std::size_t keptBytesMax = std::size_t(256) << 20;
};

class CaptureInstance {
public:
    CaptureInstance() = default;
    ~CaptureInstance(); // remove()
    CaptureInstance(const CaptureInstance &) = delete;
    CaptureInstance &operator=(const CaptureInstance &) = delete;

    // Creates and locks the instance, selects the mono clock, sizes the
    // buffers (not overwriting), sets the module filter. Events (and the stack trigger) stay
    // off until enableEvents(), once the reader is ready. Empty on success.
    QString create(const CaptureOptions &options);
    QString enableEvents();
    // The kernel's per call site counts of module_get and module_put (hist
    // triggers set by enableEvents()): the text of the event's hist file.
    // False, with *error, when the kernel has no such counts (a kernel
    // without CONFIG_HIST_TRIGGERS refused them: the capture goes on without).
    bool readHist(const char *event, QByteArray *text, QString *error) const;
    // Takes the hist triggers off (remove() does too). Idempotent.
    void removeHistTriggers();
    // tracing_on=0 in the instance: nothing more is written, what is in the
    // buffers stays readable. Empty on success.
    QString stopWriting();
    // Pages in each CPU's buffer: what one drain can find at most.
    int bufferPagesPerCpu() const;
    // The path of a file inside the instance ("per_cpu/cpu0/stats").
    QString file(const QByteArray &relative) const;
    // Removes the instance; the caller has closed every file it opened in
    // it (open files pin an instance).
    void remove();

    static QString removeStale(); // empty on success or when there is none

private:
    tracefs_instance *m_instance = nullptr;
    int m_lockFd = -1;
    QByteArray m_stackTrigger;     // empty without stacks
    QByteArray m_histTrigger;      // as written to both events' trigger files
    QList<QByteArray> m_histSetOn; // the events it is set on
    QString m_histError;           // why the kernel refused it
    int m_bufferKb = 0;
};

} // namespace refscope
