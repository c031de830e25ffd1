// SPDX-License-Identifier: GPL-3.0-or-later
// Device-mapper as a holder, read through the DM ioctl interface
// (/dev/mapper/control): every mapped device holds dm_mod (alloc_dev),
// every target of its live table holds its target type's module
// (dm_get_target_type: dm_flakey, dm_crypt; linear, striped, error and zero
// are dm_mod's own), and the table keeps each of its devices open once
// (dm_get_table_device), which holds that device's driver.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace refscope {

struct Census;
class ModuleOwners;

struct DmDevice {
    QString name;
    quint64 dev = 0; // the kernel's encoding (huge_encode_dev), as DM_LIST_DEVICES gives it
};

struct DmTarget {
    quint64 start = 0;
    quint64 length = 0;
    QString type;
    QString params;
};

// Walks the buffers the ioctls filled in (the struct dm_ioctl header
// included): DM_LIST_DEVICES, DM_TABLE_STATUS with DM_STATUS_TABLE_FLAG,
// DM_TABLE_DEPS. A malformed buffer gives what could be read before the
// fault and sets *ok false.
QList<DmDevice> parseDmDeviceList(const QByteArray &buffer, bool *ok = nullptr);
QList<DmTarget> parseDmTargets(const QByteArray &buffer, bool *ok = nullptr);
QList<quint64> parseDmDeps(const QByteArray &buffer, bool *ok = nullptr);

void addDeviceMapperHolders(ModuleOwners &owners, Census &census);

} // namespace refscope
