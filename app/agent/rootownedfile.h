// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a file that only root could have put there or changed: the file
// and every directory up to / owned by root and not writable by group or
// others. What root loads into the kernel (the helper module) must come
// from such a place: a file anyone else could write is kernel code they
// choose.
#pragma once

#include <QString>

#include <sys/types.h>

namespace refscope {

struct RootOwnedOpen {
    int fd = -1;    // open for reading, close-on-exec; -1 when not opened
    int error = 0;  // errno when the file could not be opened (ENOENT: it is not there)
    QString unsafe; // when refused: which path and why someone else could change it
    bool ok() const { return fd >= 0; }
};

// Opens path for reading when it and each directory up to / are owned by
// root (or by owner, which tests use) and no group or other may write them.
// The path is resolved once (realpath: /lib is a link to /usr/lib), then
// walked again component by component with openat and O_NOFOLLOW, checking
// each opened directory and the opened file by fstat: a symbolic link or a
// rename slipped in between fails the walk instead of swapping the file.
// The caller owns fd.
RootOwnedOpen openRootOwnedFile(const QString &path, uid_t owner = 0);

} // namespace refscope
