// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/livecapturesymbols.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <cstring>

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
    if (found.isEmpty() &&
        (m_loadedAtMs < 0 || QDateTime::currentMSecsSinceEpoch() - m_loadedAtMs > 1000)) {
        reload();
        found = lookup(address);
    }
    m_cache.insert(address, found);
    return found;
}

void KernelSymbols::reload()
{
    load(readProcFile(QStringLiteral("/proc/kallsyms")));
}

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

const char *skipBlanks(const char *p, const char *end)
{
    while (p < end && isBlank(*p))
        ++p;
    return p;
}

const char *skipWord(const char *p, const char *end)
{
    while (p < end && !isBlank(*p))
        ++p;
    return p;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

void KernelSymbols::load(const QByteArray &kallsyms)
{
    m_symbols.clear();
    m_names.clear();
    m_cache.clear();
    // "ffffffffc0a01000 t count_demo_open\t[count_demo]"
    const char *p = kallsyms.constData();
    const char *const end = p + kallsyms.size();
    while (p < end) {
        const char *eol = static_cast<const char *>(memchr(p, '\n', std::size_t(end - p)));
        if (!eol)
            eol = end;
        const char *at = skipBlanks(p, eol);
        p = eol + 1;
        quint64 address = 0;
        int digits = 0;
        for (int d; at < eol && (d = hexDigit(*at)) >= 0; ++at, ++digits)
            address = address << 4 | quint64(d);
        if (digits == 0 || digits > 16 || address == 0 || (at < eol && !isBlank(*at)))
            continue;                            // not a symbol line, or zeros: not root
        at = skipWord(skipBlanks(at, eol), eol); // the type
        const char *name = skipBlanks(at, eol);
        const char *nameEnd = skipWord(name, eol);
        if (name == nameEnd)
            continue;
        const char *module = skipBlanks(nameEnd, eol);
        const char *moduleEnd = skipWord(module, eol);
        Symbol symbol{address, quint32(m_names.size()), quint32(nameEnd - name),
                      quint32(moduleEnd - module)};
        m_names.append(name, nameEnd - name);
        if (moduleEnd > module) {
            m_names.append(' ');
            m_names.append(module, moduleEnd - module);
        }
        m_symbols.push_back(symbol);
    }
    std::stable_sort(m_symbols.begin(), m_symbols.end(),
                     [](const Symbol &a, const Symbol &b) { return a.address < b.address; });
    m_loadedAtMs = QDateTime::currentMSecsSinceEpoch();
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
    const char *name = m_names.constData() + it->nameAt;
    QString text = QString::fromLatin1(name, it->nameLength) + QStringLiteral("+0x") +
                   QString::number(offset, 16);
    if (it->moduleLength > 0)
        text += u' ' + QString::fromLatin1(name + it->nameLength + 1, it->moduleLength);
    return text;
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

void TaskRenames::add(std::vector<TaskRename> *renames)
{
    for (TaskRename &rename : *renames)
        m_renames.push_back(std::move(rename));
    renames->clear();
}

void TaskRenames::beginBatch()
{
    std::stable_sort(
        m_renames.begin(), m_renames.end(),
        [](const TaskRename &a, const TaskRename &b) { return a.timestampNs < b.timestampNs; });
    m_applied = 0;
    m_nextOf.clear();
    m_nextOfTask.assign(m_renames.size(), m_renames.size());
    for (std::size_t i = m_renames.size(); i-- > 0;) {
        const auto later = m_nextOf.constFind(m_renames[i].pid);
        if (later != m_nextOf.constEnd())
            m_nextOfTask[i] = *later;
        m_nextOf.insert(m_renames[i].pid, i);
    }
}

bool TaskRenames::applyBefore(qint64 ts, TaskNames *names)
{
    bool any = false;
    for (; m_applied < m_renames.size() && m_renames[m_applied].timestampNs < ts; ++m_applied) {
        const TaskRename &rename = m_renames[m_applied];
        names->renamed(rename.pid, rename.newComm);
        if (m_nextOfTask[m_applied] < m_renames.size())
            m_nextOf.insert(rename.pid, m_nextOfTask[m_applied]);
        else
            m_nextOf.remove(rename.pid);
        any = true;
    }
    return any;
}

const QString *TaskRenames::nameBeforeNext(int pid) const
{
    const auto next = m_nextOf.constFind(pid);
    return next == m_nextOf.constEnd() ? nullptr : &m_renames[*next].oldComm;
}

void TaskRenames::endBatch()
{
    m_renames.erase(m_renames.begin(), m_renames.begin() + std::ptrdiff_t(m_applied));
    m_applied = 0;
    m_nextOf.clear();
    m_nextOfTask.clear();
}

} // namespace refscope
