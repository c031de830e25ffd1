// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/reportcommand.h"

#include "events/perfettoexport.h"
#include "events/tracereport.h"
#include "recording/recording.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace refscope {

ExitCode reportCommand(const QString &path, bool json)
{
    QString error;
    Origin origin;
    const auto store = openRecording(path, &error, {}, &origin);
    if (!store)
        return failure({}, error);
    const TraceReport report = summarizeTrace(*store);
    QJsonObject object = traceReportJson(report);
    if (origin.isRecorded())
        object.insert(QStringLiteral("origin"), originToJson(origin));
    // Where it was recorded first: a recording from another machine reads
    // differently (its modules, its kernel).
    const QByteArray text =
        json ? QJsonDocument(object).toJson()
             : (QStringLiteral("Origin: %1\n").arg(originText(origin)) + traceReportTable(report))
                   .toUtf8();
    std::fwrite(text.constData(), 1, text.size(), stdout);
    return ExitCode::Success;
}

ExitCode exportCommand(const QString &path, const QString &out)
{
    QString error;
    const auto store = openRecording(path, &error);
    if (!store)
        return failure({}, error);
    error = savePerfettoJson(*store, out);
    if (!error.isEmpty())
        return failure({}, error);
    return ExitCode::Success;
}

} // namespace refscope
