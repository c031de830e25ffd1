// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/holdersmethod.h"

#include "agent/helperdevice.h"
#include "holders/holderreport.h"
#include "holders/holderreportjson.h"
#include "release/releasejson.h"

#include <QJsonArray>

namespace refscope {

bool holdersRequest(const QJsonObject &params, QString *moduleName, RecordedGets *recorded,
                    AgentReply *refusal)
{
    const QJsonValue module = params.value(QLatin1String("module"));
    if (!module.isString() || module.toString().trimmed().isEmpty()) {
        *refusal =
            AgentReply::failure(errorcode::BadRequest,
                                QStringLiteral("holders needs \"module\", the module to explain"));
        return false;
    }
    const QJsonValue sites = params.value(QLatin1String("outstanding_call_sites"));
    const QJsonArray siteList = sites.toArray();
    const bool allStrings = std::all_of(siteList.begin(), siteList.end(),
                                        [](const QJsonValue &v) { return v.isString(); });
    if ((!sites.isUndefined() && !sites.isArray()) || !allStrings) {
        *refusal = AgentReply::failure(errorcode::BadRequest,
                                       QStringLiteral("holders' \"outstanding_call_sites\" must "
                                                      "be a list of strings"));
        return false;
    }
    for (const QJsonValue &site : siteList)
        recorded->callSites << site.toString();
    QString error;
    if (const QJsonValue gets = params.value(QLatin1String("outstanding_gets"));
        !gets.isUndefined() && !outstandingGetsFromJson(gets, &recorded->gets, &error)) {
        *refusal = AgentReply::failure(
            errorcode::BadRequest, QStringLiteral("holders' \"outstanding_gets\": %1").arg(error));
        return false;
    }
    *moduleName = module.toString();
    return true;
}

AgentReply holdersOf(const QJsonObject &params)
{
    QString module;
    RecordedGets recorded;
    AgentReply refusal;
    if (!holdersRequest(params, &module, &recorded, &refusal))
        return refusal;
    return holdersOfModule(module, recorded);
}

AgentReply holdersOfModule(const QString &module, const RecordedGets &recorded)
{
    QString error;
    HolderTiming timing("agent");
    const ExactHolders exact = readExactHolders(module);
    timing.lap("helper's exact holders");
    HolderReport report;
    if (!readHolderReport(module, {exact.available, exact.holders}, recorded, &report, &error))
        return AgentReply::failure(errorcode::NotFound, error);
    timing.lap("inferred holders, census and explainer");
    QJsonObject result = holderReportToJson(report);
    result.insert(QStringLiteral("exact_available"), exact.available);
    if (!exact.available)
        result.insert(QStringLiteral("exact_error"), exact.error);
    if (!exact.available && exact.why)
        result.insert(QStringLiteral("exact_error_sentence"), holderSentenceToJson(*exact.why));
    return AgentReply::success(result);
}

} // namespace refscope
