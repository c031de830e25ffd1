#include "holdersmethod.h"

#include "helperdevice.h"
#include "holders/holderreport.h"
#include "holders/holderreportjson.h"

namespace refscope {

AgentReply holdersOf(const QString &module)
{
    const ExactHolders exact = readExactHolders(module);
    HolderReport report;
    QString error;
    if (!readHolderReport(module, {exact.available, exact.holders}, &report, &error))
        return AgentReply::failure(errorcode::NotFound, error);
    QJsonObject result = holderReportToJson(report);
    result.insert(QStringLiteral("exact_available"), exact.available);
    if (!exact.available)
        result.insert(QStringLiteral("exact_error"), exact.error);
    return AgentReply::success(result);
}

} // namespace refscope
