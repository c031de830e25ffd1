// SPDX-License-Identifier: GPL-3.0-or-later
// Paths as /proc prints them in mountinfo and swaps: space, tab, newline
// and backslash escaped as \ooo octal (the kernel's seq_escape).
#pragma once

#include <QByteArray>
#include <QString>

namespace refscope {

QString unescapeProcPath(const QByteArray &field);

} // namespace refscope
