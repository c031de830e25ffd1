// SPDX-License-Identifier: GPL-3.0-or-later
// The next step for each holder of a module, in plain words.
#pragma once

#include "holders/holder.h"
#include "holders/holdertext.h"

namespace refscope {

// An open file or socket the helper found in no process's file table:
// a kernel thread or the module keeps it after its process closed it.
bool isOrphanedOpenFile(const Holder &holder);
// What to do about one holder ("close fd 3 of pid 812 (sleep)").
QString stepForHolder(const Holder &holder, TextLanguage language = TextLanguage::English);

// The fd list as people read it: "fd 3", "fds 3, 4".
QString describeFds(const QList<int> &fds, TextLanguage language = TextLanguage::English);

} // namespace refscope
