// SPDX-License-Identifier: GPL-3.0-or-later
// The translation context of what RefScope says about a trace file it
// cannot read: the GUI shows these messages in its language, the CLI (no
// translator installed) in English.
#pragma once

#include <QCoreApplication>

namespace refscope {

struct TraceFileMessages {
    Q_DECLARE_TR_FUNCTIONS(refscope::TraceFile)
};

} // namespace refscope
