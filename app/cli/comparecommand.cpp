// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/comparecommand.h"

#include "compare/comparetargets.h"
#include "compare/snapshotcompare.h"
#include "models/comparemodel.h"

#include <QJsonDocument>

#include <algorithm>

namespace refscope {

namespace {

// The table's columns after MODULE and TARGET, in CompareField order.
constexpr const char *kHeadings[kCompareFieldCount] = {"LOADED",  "VERSION", "SRCVERSION", "USED",
                                                       "USED BY", "TAINTS",  "PARAMS"};

QString cell(const std::optional<ModuleInfo> &module, CompareField field, bool differs)
{
    QString text = compareFieldText(module, field);
    if (text.isEmpty())
        text = QStringLiteral("-");
    return differs ? text + u'*' : text;
}

} // namespace

QString formatComparison(const SnapshotComparison &comparison, bool onlyDifferent)
{
    QString out;
    for (int t = 0; t < comparison.targets.size(); ++t) {
        const CompareTarget &target = comparison.targets.at(t);
        QString line = QStringLiteral("%1  %2: %3")
                           .arg(CompareModel::targetLetter(t), target.label,
                                originText(target.snapshot.origin));
        // Files from before origins were recorded still name their kernel.
        if (target.snapshot.origin.kernelRelease.isEmpty())
            line += QStringLiteral(", kernel %1").arg(target.snapshot.kernelRelease);
        out += line + u'\n';
    }
    out += QStringLiteral("%1 modules, %2 differ (marked *)\n\n")
               .arg(comparison.rows.size())
               .arg(comparison.differingRows());

    // Rows of cells, then padded to the widest of each column.
    QList<QStringList> lines;
    QStringList heading{QStringLiteral("  MODULE"), QStringLiteral("TARGET")};
    for (const char *h : kHeadings)
        heading << QLatin1String(h);
    lines << heading;
    for (const CompareRow &row : comparison.rows) {
        if (onlyDifferent && !row.differs())
            continue;
        if (!row.differs()) {
            QStringList line{QStringLiteral("  ") + row.module, QStringLiteral("all")};
            for (int f = 0; f < kCompareFieldCount; ++f)
                line << cell(row.perTarget.first(), CompareField(f), false);
            lines << line;
            continue;
        }
        for (int t = 0; t < row.perTarget.size(); ++t) {
            QStringList line{t == 0 ? QStringLiteral("* ") + row.module : QString(),
                             CompareModel::targetLetter(t)};
            for (int f = 0; f < kCompareFieldCount; ++f) {
                const auto field = CompareField(f);
                // Nothing to show of a module that is not loaded there.
                line << (row.perTarget.at(t) || field == CompareField::Loaded
                             ? cell(row.perTarget.at(t), field, row.differs(field))
                             : QString());
            }
            lines << line;
        }
    }
    QList<qsizetype> widths(heading.size(), 0);
    for (const QStringList &line : std::as_const(lines))
        for (qsizetype c = 0; c < line.size(); ++c)
            widths[c] = std::max(widths[c], line.at(c).size());
    for (const QStringList &line : std::as_const(lines)) {
        QString text;
        for (qsizetype c = 0; c < line.size(); ++c)
            text += c + 1 < line.size() ? line.at(c).leftJustified(widths[c] + 2) : line.at(c);
        // Trailing blanks only: the leading "  " or "* " is the marker column.
        while (text.endsWith(u' '))
            text.chop(1);
        out += text + u'\n';
    }
    return out;
}

ExitCode compareCommand(const QStringList &options)
{
    QStringList args = options;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const bool onlyDifferent = args.removeAll(QStringLiteral("--only-different")) > 0;
    QList<TargetSpec> specs;
    for (const QString &arg : std::as_const(args)) {
        if (arg.startsWith(u'-'))
            return usageError(QStringLiteral("compare does not know the option \"%1\"").arg(arg));
        QString error;
        const std::optional<TargetSpec> spec = parseTargetSpec(arg, &error);
        if (!spec)
            return usageError(QStringLiteral("compare: %1").arg(error));
        specs << *spec;
    }
    if (specs.size() < 2)
        return usageError(QStringLiteral("compare needs two targets or more (a snapshot file, "
                                         "local, lab or lab:RELEASE)"));
    QList<CompareTarget> targets;
    QString error;
    if (!readTargets(specs, &targets, &error,
                     [](const QString &message) { print(stderr, message + u'\n'); }))
        return failure(QStringLiteral("compare"), error);
    const SnapshotComparison comparison = compareSnapshots(targets);
    if (json)
        print(stdout, QString::fromUtf8(QJsonDocument(comparisonToJson(comparison, onlyDifferent))
                                            .toJson(QJsonDocument::Indented)));
    else
        print(stdout, formatComparison(comparison, onlyDifferent));
    return ExitCode::Success;
}

} // namespace refscope
