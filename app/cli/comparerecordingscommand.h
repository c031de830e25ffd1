// SPDX-License-Identifier: GPL-3.0-or-later
// refscope-cli compare-recordings A B [--module M] [--json]: two
// recordings' outstanding references side by side, per module and call
// site, with the difference (app/core/events/recordingcompare.h). Named
// apart from `compare`, which puts machines' snapshots side by side.
#pragma once

#include "cli/clioutput.h"

#include <QStringList>

namespace refscope {

// `options` are the command's arguments after its name. Success (also when
// the recordings differ), Failure when a file cannot be read or --module
// names a module neither recording has, Usage on a bad command line.
ExitCode compareRecordingsCommand(const QStringList &options);

} // namespace refscope
