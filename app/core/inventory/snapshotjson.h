// SPDX-License-Identifier: GPL-3.0-or-later
// The snapshot JSON of app/core/protocol/PROTOCOL.md ("Snapshot object"): what
// refscope-cli snapshot --json prints and the agent's "snapshot" returns.
#pragma once

#include "inventory/moduleinfo.h"

#include <QJsonObject>

namespace refscope {

QJsonObject snapshotToJson(const Snapshot &snapshot);

// Validates and converts. On bad input returns false and sets *error to a
// message naming the offending field, e.g. "modules[3].size: must not be
// negative". Module names written with '-' are normalized to '_'; modules
// and built-ins come back sorted by name.
bool snapshotFromJson(const QJsonObject &json, Snapshot *snapshot, QString *error);

} // namespace refscope
