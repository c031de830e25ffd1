// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/sysmodule.h"

#include <QDir>
#include <QFile>

namespace refscope {

namespace {

QString moduleDir(const QString &name)
{
    return QStringLiteral("/sys/module/") + name;
}

} // namespace

QString readModuleTaints(const QString &name)
{
    QFile file(moduleDir(name) + QStringLiteral("/taint"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll().trimmed());
}

QList<ModuleParam> readModuleParams(const QString &name)
{
    QList<ModuleParam> params;
    const QDir dir(moduleDir(name) + QStringLiteral("/parameters"));
    QStringList names = dir.entryList(QDir::Files | QDir::System);
    names.sort(); // the order QJsonObject keeps, so a snapshot survives a JSON round trip
    for (const QString &param : names) {
        ModuleParam p;
        p.name = param;
        QFile file(dir.filePath(param));
        // sysfs parameter files are at most a page; a failed read (EACCES on
        // 0600 files when not root, EPERM for write-only ones, an error from
        // the parameter's get() op) means the value is not known.
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray value = file.readAll();
            p.readable = file.error() == QFileDevice::NoError;
            if (p.readable)
                p.value = QString::fromUtf8(value.endsWith('\n') ? value.chopped(1) : value);
        } else {
            p.readable = false;
        }
        params.append(p);
    }
    return params;
}

bool procModulesLineIsPermanent(const QByteArray &line, QString *name)
{
    // "name size refcount used-by state address": the used-by column lists
    // holders, then "[permanent]," for a module with init but no exit.
    const QList<QByteArray> fields = line.simplified().split(' ');
    if (fields.size() < 4)
        return false;
    *name = QString::fromLatin1(fields.at(0));
    return fields.at(3).split(',').contains("[permanent]");
}

QSet<QString> readPermanentModules()
{
    QSet<QString> permanent;
    QFile file(QStringLiteral("/proc/modules"));
    if (!file.open(QIODevice::ReadOnly))
        return permanent;
    // /proc files report size 0, so read until EOF rather than by size.
    for (const QByteArray &line : file.readAll().split('\n')) {
        QString name;
        if (procModulesLineIsPermanent(line, &name))
            permanent.insert(name);
    }
    return permanent;
}

bool moduleStillLoaded(const QString &name)
{
    return QFile::exists(moduleDir(name) + QStringLiteral("/initstate"));
}

} // namespace refscope
