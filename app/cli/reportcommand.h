// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli report FILE [--json]: per-module counts of a recording
// (app/core/events/tracereport.h), read with the same loader as the GUI.
#pragma once

#include "cli/clioutput.h"

#include <QString>

namespace refscope {

// Prints the report and returns the exit status: Success, or Failure when
// the file could not be read as a recording (the reason goes to stderr).
ExitCode reportCommand(const QString &path, bool json);

// refscope-cli export --format perfetto FILE OUT: the recording's events
// as Chrome JSON trace events (events/perfettoexport.h), OUT written
// atomically.
ExitCode exportCommand(const QString &path, const QString &out);

} // namespace refscope
