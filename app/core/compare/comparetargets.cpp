// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/comparetargets.h"

#include "sources/filesnapshotsource.h"
#include "sources/labsnapshotsource.h"
#include "sources/localsnapshotsource.h"
#include "sources/sshsnapshotsource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>

#include <memory>

namespace refscope {

std::optional<TargetSpec> parseTargetSpec(const QString &text, QString *error)
{
    TargetSpec spec;
    spec.label = text;
    if (text.isEmpty()) {
        *error = QCoreApplication::translate("CompareTargets", "an empty target");
        return std::nullopt;
    }
    if (text == QLatin1String("local")) {
        spec.kind = TargetSpec::Kind::Local;
        return spec;
    }
    if (text == QLatin1String("lab") || text.startsWith(QLatin1String("lab:"))) {
        spec.kind = TargetSpec::Kind::Lab;
        spec.argument = text.mid(4);
        return spec;
    }
    if (text.startsWith(QLatin1String("ssh:"))) {
        SshTarget target;
        if (!parseSshTarget(text.mid(4), &target, error))
            return std::nullopt;
        spec.kind = TargetSpec::Kind::Ssh;
        spec.argument = text.mid(4);
        return spec;
    }
    spec.kind = TargetSpec::Kind::File;
    spec.argument = text;
    spec.label = QFileInfo(text).fileName();
    return spec;
}

SnapshotSource *createTargetSource(const TargetSpec &spec, QObject *parent)
{
    switch (spec.kind) {
    case TargetSpec::Kind::Local:
        return new LocalSnapshotSource(parent);
    case TargetSpec::Kind::Lab: {
        LabOptions options;
        options.kernelRelease = spec.argument;
        return new LabSnapshotSource(options, parent);
    }
    case TargetSpec::Kind::Ssh: {
        SshTarget target;
        QString unused;
        parseSshTarget(spec.argument, &target, &unused); // checked by parseTargetSpec
        return new SshSnapshotSource(target, parent);
    }
    case TargetSpec::Kind::File:
        break;
    }
    return new FileSnapshotSource(spec.argument, parent);
}

bool readTargets(const QList<TargetSpec> &specs, QList<CompareTarget> *targets, QString *error,
                 const std::function<void(const QString &)> &progress)
{
    targets->clear();
    for (const TargetSpec &spec : specs) {
        // Each target goes before the next starts: no two lab guests at once.
        std::unique_ptr<SnapshotSource> source(createTargetSource(spec));
        QEventLoop loop;
        std::optional<Snapshot> snapshot;
        QString failure;
        QObject::connect(source.get(), &SnapshotSource::snapshotReady, &loop,
                         [&](const Snapshot &s) {
                             snapshot = s;
                             loop.quit();
                         });
        QObject::connect(source.get(), &SnapshotSource::failed, &loop, [&](const QString &m) {
            failure = m;
            loop.quit();
        });
        if (auto *lab = qobject_cast<LabSnapshotSource *>(source.get()); lab && progress)
            QObject::connect(lab, &LabSnapshotSource::progress, &loop, progress);
        source->refresh();
        loop.exec();
        if (!snapshot) {
            *error = QStringLiteral("%1: %2").arg(spec.label, failure);
            return false;
        }
        targets->append({spec.label, *snapshot});
    }
    return true;
}

} // namespace refscope
