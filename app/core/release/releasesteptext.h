// SPDX-License-Identifier: GPL-3.0-or-later
// One release step as a plain sentence, in the reader's language: the GUI
// shows it translated, the agent and the CLI in English.
#pragma once

#include "release/releaserequest.h"

namespace refscope {

// The sentence for the step's code, its arguments and target filled in.
QString releaseStepText(const ReleaseStep &step);

} // namespace refscope
