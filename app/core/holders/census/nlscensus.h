// SPDX-License-Identifier: GPL-3.0-or-later
// NLS tables as holders: a mounted filesystem that translates names with a
// character set table (vfat, exfat, iso9660, udf, cifs, ...) took it with
// load_nls when it was mounted and puts it (unload_nls) when its superblock
// goes. The superblock's options in mountinfo name every table it loaded:
// vfat shows its codepage and iocharset even when they are the defaults.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace refscope {

struct Census;
class ModuleOwners;

struct NlsMount {
    QString superblock; // "maj:min|type": a superblock's tables are loaded once
    QString mountPoint;
    QString type;
    // The options naming tables ("codepage=850", "iocharset=iso8859-1") and
    // the modules load_nls asks for them ("nls_cp850", "nls_iso8859-1").
    QStringList options;
    QStringList tables;
};

// Every mount of /proc/PID/mountinfo whose superblock options name an NLS
// table.
QList<NlsMount> parseNlsMounts(const QByteArray &mountinfo);

void addNlsHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
