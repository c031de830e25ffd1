// SPDX-License-Identifier: GPL-3.0-or-later
// Library code that may crash or loop on a hostile file (libtracecmd,
// libtraceevent's format parser) runs first in a forked child: only what
// the child survived is run in this process.
#pragma once

#include <QtGlobal>

#include <functional>

namespace refscope {

// Runs `check` in a forked child, which exits with the status it returns,
// and waits up to limitMs for it. True when the child exited with 0, or
// when no child could be made (the caller cannot tell, and goes on as
// before); false when it crashed, failed or hung.
//
// A hang gets a second child before the answer is false: a child forked
// while another thread of this process holds a lock the check needs waits
// for it forever. glibc's allocator takes its locks around fork(), but the
// AddressSanitizer runtime of Debian's GCC does not (a real trace timed out
// there while the window's thread kept allocating).
bool survivesInChild(const std::function<int()> &check, qint64 limitMs);

} // namespace refscope
