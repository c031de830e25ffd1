// SPDX-License-Identifier: GPL-3.0-or-later
// HolderReport <-> JSON, the shape of the agent's "holders" result and of
// `refscope-cli why --json` (app/core/protocol/PROTOCOL.md).
#pragma once

#include "holders/holder.h"

#include <QJsonObject>

namespace refscope {

// One holder, as the report's "holders" entries (also the release request's).
QJsonObject holderToJson(const Holder &holder);
bool holderFromJson(const QJsonObject &json, Holder *holder, QString *error);

// One sentence, {"code": "in_use", "args": [...]}; false with *error for an
// unknown code.
QJsonObject holderSentenceToJson(const HolderSentence &sentence);
bool holderSentenceFromJson(const QJsonObject &json, HolderSentence *sentence, QString *error);

QJsonObject holderReportToJson(const HolderReport &report);

// False with *error set when `json` is not a holder report.
bool holderReportFromJson(const QJsonObject &json, HolderReport *report, QString *error);

} // namespace refscope
