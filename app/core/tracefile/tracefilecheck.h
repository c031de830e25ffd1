// SPDX-License-Identifier: GPL-3.0-or-later
// What RefScope checks of a file before libtracecmd reads it: libtracecmd
// trusts the file's header and can misbehave on garbage, and a user picking
// the wrong file deserves to hear what is wrong with it.
#pragma once

#include <QString>

namespace refscope {

// True if `path` is a readable trace-cmd data file of a version libtracecmd
// reads; otherwise false and a message naming the problem.
bool checkTraceFileHeader(const QString &path, QString *error);

} // namespace refscope
