// SPDX-License-Identifier: GPL-3.0-or-later
// The flight recorder's state as the agent's flight.status and
// flight.read send it (PROTOCOL.md, "Flight recorder").
#pragma once

#include "capture/flightrecorder.h"

#include <QJsonObject>

namespace refscope {

QJsonObject flightStatusToJson(const FlightStatus &status);
// False on a malformed object, with *error naming the field.
bool flightStatusFromJson(const QJsonObject &json, FlightStatus *status, QString *error);

} // namespace refscope
