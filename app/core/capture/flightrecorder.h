// SPDX-License-Identifier: GPL-3.0-or-later
// The flight recorder: an always-on, bounded recording of the module events
// in a tracefs instance of its own, "refscope-flight", frozen by the kernel
// itself when an unload fails. Snapshot triggers on a failed delete_module
// and on the failed exit of rmmod or modprobe swap the instance's ring
// buffer with its snapshot buffer, so the last seconds before any "module
// is in use" stay readable
// however much happens after. The instance outlives the process that made
// it (start and stop are separate runs of refscope-cli, or a systemd unit):
// everything here works on it by name, as root. No process runs while it
// is armed; its cost is the events' (and stacks') recording and, since the
// triggers sit on system calls, the kernel's syscall-tracing path on every
// system call (measured in tst_live_capture).
#pragma once

#include "capture/livecaptureprotocol.h"
#include "events/eventstore.h"

#include <QString>
#include <QStringList>

namespace refscope {

struct FlightStatus {
    bool running = false;   // the instance exists
    bool armed = false;     // its trigger on a failed delete_module is set
    bool frozen = false;    // the snapshot buffer holds events: an unload failed
    bool stacks = false;    // a kernel stack with every get and put
    int bufferKbPerCpu = 0; // as the kernel sized each CPU's buffer
    int cpus = 0;
    // The ring buffers and their snapshot twins: what the recorder pins.
    qint64 memoryKb() const { return 2LL * bufferKbPerCpu * cpus; }
    // The frozen history, read from its text view (which leaves it in the
    // kernel), when frozen: how many events, the last one's time (the
    // instance's mono clock, ns; -1 when none) and, from the reader's two
    // clocks, the wall clock then (ms since the epoch, 0 when unknown),
    // which is about when the unload failed. The kernel does not record
    // which module the failed unload named: `modules` are those the
    // history's events are of, the most events first.
    qint64 frozenEvents = 0;
    qint64 frozenLastNs = -1;
    qint64 frozenAtMs = 0;
    QStringList modules;

    bool operator==(const FlightStatus &) const = default;
};

namespace flightrecorder {

inline constexpr char kInstance[] = "refscope-flight";
inline constexpr int kDefaultBufferKbPerCpu = 512;

// Creates the instance, sizes its buffers (overwriting: the oldest events
// go first), enables module_load/free/get/put (with stacks on get and put
// when asked) and arms the trigger. On any failure it removes everything it
// made: no trigger is ever left behind. Empty on success.
QString start(int bufferKbPerCpu, bool stacks);
// Removes the trigger, the stacks and the instance. Empty on success or
// when the recorder was not running.
QString stop();
FlightStatus status();
// Moves the frozen history (the snapshot buffer's pages) into `events`,
// with their details; reading takes them out of the kernel, so the next
// read finds only what a later failure froze. *count: events read (0: no
// unload failed since the recorder started, or the history was read
// already). Empty on success.
QString readFrozen(EventStore *events, std::size_t *count);
// The same frozen history as events in timestamp order, as a capture
// reads them; raw kernel addresses only with `addresses` (the agent's
// flight.read sends none). Empty on success.
QString readFrozenEvents(bool addresses, QList<CapturedEvent> *events);

} // namespace flightrecorder
} // namespace refscope
