// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/comparerecordingscommand.h"

#include "events/recordingcompare.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace refscope {

ExitCode compareRecordingsCommand(const QStringList &options)
{
    QStringList files = options;
    const bool json = files.removeAll(QStringLiteral("--json")) > 0;
    QString module;
    const qsizetype moduleAt = files.indexOf(QStringLiteral("--module"));
    if (moduleAt >= 0) {
        if (moduleAt + 1 >= files.size() || files.at(moduleAt + 1).startsWith(u'-'))
            return usageError(QStringLiteral("compare-recordings --module needs a module name"));
        module = files.at(moduleAt + 1);
        files.remove(moduleAt, 2);
    }
    if (files.size() != 2 || files.first().startsWith(u'-') || files.last().startsWith(u'-'))
        return usageError(QStringLiteral("compare-recordings needs two recordings: "
                                         "compare-recordings A B [--module M] [--json]"));
    QString error;
    const std::optional<RecordingComparison> comparison =
        compareRecordingFiles(files.first(), files.last(), &error, module);
    if (!comparison)
        return failure(QStringLiteral("compare-recordings"), error);
    if (!module.isEmpty() && comparison->modules.isEmpty())
        return failure(QStringLiteral("compare-recordings"),
                       QStringLiteral("neither recording has events of %1").arg(module));
    if (json) {
        QJsonObject object = recordingComparisonJson(*comparison);
        object.insert(QStringLiteral("recording_a"), files.first());
        object.insert(QStringLiteral("recording_b"), files.last());
        print(stdout, QString::fromUtf8(QJsonDocument(object).toJson()));
        return ExitCode::Success;
    }
    print(stdout, QStringLiteral("A: %1\nB: %2\nOutstanding references (gets never put back) "
                                 "by call site; difference is B - A.\n\n")
                          .arg(files.first(), files.last()) +
                      recordingComparisonTable(*comparison));
    return ExitCode::Success;
}

} // namespace refscope
