// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapturesymbols.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>

namespace refscope {

namespace {

// Module text lies far from the nearest core symbol; past this distance the
// nearest symbol is not the one that covers the address.
constexpr quint64 kMaxSymbolSpan = 1 << 20;

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    // /proc files report size 0: read until EOF, not by size.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QString KernelSymbols::name(quint64 address)
{
    if (address == 0)
        return {};
    if (const auto it = m_cache.constFind(address); it != m_cache.constEnd())
        return *it;
    QString found = lookup(address);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (found.isEmpty() && (m_loadedAtMs < 0 || now - m_loadedAtMs > 1000)) {
        reload();
        m_loadedAtMs = now;
        found = lookup(address);
    }
    m_cache.insert(address, found);
    return found;
}

void KernelSymbols::reload()
{
    m_symbols.clear();
    m_cache.clear();
    // "ffffffffc0a01000 t count_demo_open\t[count_demo]"
    for (const QByteArray &line : readProcFile(QStringLiteral("/proc/kallsyms")).split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() < 3)
            continue;
        const quint64 address = parts.at(0).toULongLong(nullptr, 16);
        if (address == 0) // not root: kallsyms shows zeros
            continue;
        QString name = QString::fromLatin1(parts.at(2));
        if (parts.size() > 3)
            name += u' ' + QString::fromLatin1(parts.at(3));
        m_symbols.append({address, name});
    }
    std::stable_sort(m_symbols.begin(), m_symbols.end(),
                     [](const Symbol &a, const Symbol &b) { return a.address < b.address; });
}

QString KernelSymbols::lookup(quint64 address) const
{
    auto it = std::upper_bound(m_symbols.cbegin(), m_symbols.cend(), address,
                               [](quint64 a, const Symbol &s) { return a < s.address; });
    if (it == m_symbols.cbegin())
        return {};
    --it;
    const quint64 offset = address - it->address;
    if (offset > kMaxSymbolSpan)
        return {};
    // "name [module]" -> "name+0x1a [module]"
    const qsizetype space = it->name.indexOf(u' ');
    const QString symbol = space < 0 ? it->name : it->name.left(space);
    const QString module = space < 0 ? QString() : it->name.mid(space);
    return symbol + QStringLiteral("+0x") + QString::number(offset, 16) + module;
}

QString TaskNames::comm(int pid)
{
    if (pid == 0)
        return QStringLiteral("<idle>");
    if (const auto it = m_comms.constFind(pid); it != m_comms.constEnd())
        return *it;
    if (!m_loaded) {
        // "1234 insmod" per line, recorded by the kernel when the task was
        // traced: truer than /proc, where the pid may have exec'd since.
        for (const QByteArray &line :
             readProcFile(QStringLiteral("/sys/kernel/tracing/saved_cmdlines")).split('\n')) {
            const qsizetype space = line.indexOf(' ');
            if (space > 0)
                m_comms.insert(line.left(space).toInt(), QString::fromUtf8(line.mid(space + 1)));
        }
        m_loaded = true;
    }
    if (const auto it = m_comms.constFind(pid); it != m_comms.constEnd())
        return *it;
    QString comm =
        QString::fromUtf8(readProcFile(QStringLiteral("/proc/%1/comm").arg(pid)).trimmed());
    if (comm.isEmpty())
        comm = QStringLiteral("<...>");
    m_comms.insert(pid, comm);
    return comm;
}

} // namespace refscope
