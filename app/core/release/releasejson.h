// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseRequest, ReleaseStep and ReleaseResult <-> JSON: the "release"
// method's params and result and its "release.step" notifications
// (app/core/protocol/PROTOCOL.md), and `refscope-cli release --json`.
#pragma once

#include "release/releaserequest.h"

#include <QJsonArray>
#include <QJsonObject>

namespace refscope {

QJsonObject releaseRequestToJson(const ReleaseRequest &request);
// False with *error naming the field when `json` is not a valid request.
bool releaseRequestFromJson(const QJsonObject &json, ReleaseRequest *request, QString *error);

// A recording's outstanding gets: the "release" method's "evidence" and the
// "holders" method's "outstanding_gets".
QJsonArray outstandingGetsToJson(const QList<OutstandingGet> &gets);
bool outstandingGetsFromJson(const QJsonValue &json, QList<OutstandingGet> *gets, QString *error);
QJsonObject leakEvidenceToJson(const LeakEvidence &evidence);
bool leakEvidenceFromJson(const QJsonObject &json, LeakEvidence *evidence, QString *error);

QJsonObject releaseStepToJson(const ReleaseStep &step);
bool releaseStepFromJson(const QJsonObject &json, ReleaseStep *step, QString *error);

QJsonObject releaseResultToJson(const ReleaseResult &result);
bool releaseResultFromJson(const QJsonObject &json, ReleaseResult *result, QString *error);

} // namespace refscope
