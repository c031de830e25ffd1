// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/reportcommand.h"

#include "events/tracereport.h"
#include "recording/recording.h"

#include <QJsonDocument>

#include <cstdio>

namespace refscope {

ExitCode reportCommand(const QString &path, bool json)
{
    QString error;
    const auto store = openRecording(path, &error);
    if (!store)
        return failure({}, error);
    const TraceReport report = summarizeTrace(*store);
    const QByteArray text =
        json ? QJsonDocument(traceReportJson(report)).toJson() : traceReportTable(report).toUtf8();
    std::fwrite(text.constData(), 1, text.size(), stdout);
    return ExitCode::Success;
}

} // namespace refscope
