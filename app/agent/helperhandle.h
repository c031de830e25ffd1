// SPDX-License-Identifier: GPL-3.0-or-later
// The user-space end of /dev/refscope_helper (kmod/refscope_helper): loading
// the helper kernel module when needed, opening its device, and the plain
// words for its errors. helperdevice.h and helperrelease.h ask it things.
#pragma once

#include "holders/holder.h"
#include "refscope_helper.h"

#include <optional>

#include <QString>

namespace refscope {

// Whether the helper built in the build tree may be loaded when DKMS has
// none: only the lab's agent (--lab) says so. A program that itself runs
// from the build tree may load it anyway; an installed one loads only
// DKMS's copy, owned and writable by root alone along its whole path.
void setHelperFromBuildTree(bool allowed);

// An open handle on the helper's device (which pins the helper), loading
// the helper first when needed.
class HelperHandle {
public:
    HelperHandle();
    ~HelperHandle();
    HelperHandle(const HelperHandle &) = delete;
    HelperHandle &operator=(const HelperHandle &) = delete;

    // Empty when the handle is usable, else why not, with what to do.
    QString error() const;
    // The same as a code, for a client to show in its own language.
    const std::optional<HolderSentence> &why() const { return m_why; }
    // The ioctl's errno, 0 on success.
    int ioctl(unsigned long request, void *argument) const;

private:
    int m_fd = -1;
    std::optional<HolderSentence> m_why;
};

// The module name as a request carries it; false when it cannot be one.
bool copyHelperName(const QString &module, char (&name)[REFSCOPE_HELPER_NAME_LEN]);

// Empty when the request names a module and the helper can be asked.
QString readyToAsk(const QString &module, char (&name)[REFSCOPE_HELPER_NAME_LEN],
                   const HelperHandle &helper);

// What the helper's errno means for module, in plain words.
QString helperModuleError(const QString &module, int error);

} // namespace refscope
