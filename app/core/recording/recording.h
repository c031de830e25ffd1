// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a recording into an EventStore: the one entry point the loader,
// the CLI and the GUI use, whatever kind of file the recording is.
#pragma once

#include "tracefile/tracefilereader.h"

namespace refscope {

// Returns nullptr and a message if `path` cannot be read as a recording.
// *origin, when given, says where it was made: a session's snapshot origin,
// a trace.dat's uname (not recorded in files from before RefScope kept it).
std::shared_ptr<EventStore> openRecording(const QString &path, QString *error,
                                          const LoadProgress &progress = {},
                                          Origin *origin = nullptr);

} // namespace refscope
