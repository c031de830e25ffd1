// SPDX-License-Identifier: GPL-3.0-or-later
// What the release vm tests compare and print: a result's step codes, and
// a result or holder report as JSON for a failure's message.
#pragma once

#include "holders/holderreportjson.h"
#include "release/releasejson.h"

#include <QJsonDocument>
#include <QStringList>

namespace refscope {

// The codes of the steps, in order: what the tests compare.
inline QStringList codes(const ReleaseResult &result)
{
    QStringList names;
    for (const ReleaseStep &step : result.steps)
        names << stepCodeName(step.code);
    return names;
}

inline QString describe(const ReleaseResult &result)
{
    return QString::fromUtf8(QJsonDocument(releaseResultToJson(result)).toJson());
}

inline QString formatReport(const HolderReport &report)
{
    return QString::fromUtf8(QJsonDocument(holderReportToJson(report)).toJson());
}

} // namespace refscope
