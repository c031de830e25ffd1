// SPDX-License-Identifier: GPL-3.0-or-later
// RefScope's own fast path through a trace.dat: the ring-buffer pages of
// each CPU (decompressed chunk by chunk when the file is compressed) are
// walked in place with RingBufferPage, only module events are kept, and the
// CPUs are merged by timestamp as trace-cmd report merges them. No record is
// allocated per event, which is what makes it several times faster than
// reading through libtracecmd. Every CPU's pages are cut into segments
// scanned on as many threads as there are cores, the loading thread among
// them: progress and cancelling are answered there.
#pragma once

#include "tracefile/tracefiledetails.h"
#include "tracefile/tracefilelayout.h"
#include "tracefile/tracefilereader.h"

namespace refscope {

struct RingBufferScan {
    std::shared_ptr<EventStore> store;
    // Per CPU number: where to find every checkpointInterval-th module event
    // again, as libtracecmd's record offsets.
    std::vector<std::vector<TraceFileDetails::Checkpoint>> checkpoints;
};

// False and a message (without the path) on corrupt data or a stop asked
// for through `progress`.
// `data` is the whole file, whose layout readTraceFileLayout has checked.
bool scanRingBuffers(const uchar *data, const TraceFileLayout &layout, const LoadProgress &progress,
                     RingBufferScan *scan, QString *error);

} // namespace refscope
