// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/histcounts.h"

#include <QHash>
#include <QRegularExpression>

namespace refscope {

namespace {

bool fail(QString *error, int line, const QString &why)
{
    *error =
        QStringLiteral("the kernel's hist file does not parse (line %1): %2").arg(line).arg(why);
    return false;
}

// "name: loop     " / "ip: [ffffffff870ba390] misc_open+0x70/0x180" /
// "ip: 18446744071..." (a raw key prints in decimal).
bool parseKey(const QString &key, HistEntry *entry)
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    const QString field = key.left(colon).trimmed();
    const QString value = key.mid(colon + 1).trimmed();
    if (field == QLatin1String("name")) {
        if (value.isEmpty() || value.contains(QLatin1Char(' ')))
            return false;
        entry->module = value;
        return true;
    }
    if (!field.startsWith(QLatin1String("ip")))
        return false;
    bool ok = false;
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1Char(']'));
        if (close < 2)
            return false;
        entry->address = value.mid(1, close - 1).toULongLong(&ok, 16);
        entry->kernelSymbol = value.mid(close + 1).trimmed();
    } else {
        entry->address = value.toULongLong(&ok, 10);
    }
    return ok;
}

} // namespace

bool parseHistText(const QByteArray &bytes, HistTable *table, QString *error)
{
    static const QRegularExpression entryLine(QStringLiteral("^\\{ (.*) \\} hitcount: *([0-9]+)$"));
    // Between keys: ", " then the next key's name and colon (a module name
    // or symbol never holds ", ").
    static const QRegularExpression keySeparator(QStringLiteral(", (?=[a-z_.-]+: )"));
    HistTable result;
    bool totals = false;
    bool hitsSeen = false;
    bool droppedSeen = false;
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        const int number = int(i + 1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line == QLatin1String("Totals:")) {
            totals = true;
            continue;
        }
        if (totals) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            bool ok = false;
            const qint64 value = line.mid(colon + 1).trimmed().toLongLong(&ok);
            if (colon <= 0 || !ok || value < 0)
                return fail(error, number, QStringLiteral("a total without its number"));
            const QString key = line.left(colon);
            if (key == QLatin1String("Hits")) {
                result.hits = value;
                hitsSeen = true;
            } else if (key == QLatin1String("Dropped")) {
                result.dropped = value;
                droppedSeen = true;
            }
            continue;
        }
        const QRegularExpressionMatch match = entryLine.match(line);
        if (!match.hasMatch())
            return fail(error, number, QStringLiteral("neither an entry nor the totals"));
        HistEntry entry;
        bool ok = false;
        entry.hits = match.captured(2).toLongLong(&ok);
        const QStringList keys = match.captured(1).split(keySeparator);
        bool hasAddress = false;
        for (const QString &key : keys) {
            if (!parseKey(key, &entry))
                return fail(error, number, QStringLiteral("a key that is not name or ip"));
            hasAddress = hasAddress || key.trimmed().startsWith(QLatin1String("ip"));
        }
        if (!ok || entry.module.isEmpty() || !hasAddress)
            return fail(error, number,
                        QStringLiteral("an entry without module, call site or count"));
        result.entries.append(entry);
    }
    if (!hitsSeen || !droppedSeen)
        return fail(error, int(lines.size()),
                    QStringLiteral("no totals: the text is cut short or not a hist file"));
    *table = result;
    return true;
}

QString callSiteFromKernelSymbol(const QString &kernelSymbol)
{
    // sprint_symbol: "name+0xoff/0xsize [module]".
    static const QRegularExpression size(QStringLiteral("/0x[0-9a-f]+"));
    QString name = kernelSymbol;
    name.remove(size);
    return name;
}

KernelCallSiteCounts combineHistTables(const HistTable &gets, const HistTable &puts,
                                       const std::function<QString(quint64)> &name, bool addresses)
{
    KernelCallSiteCounts counts;
    counts.droppedEntries = gets.dropped + puts.dropped;
    QHash<QPair<QString, quint64>, qsizetype> index;
    const auto add = [&](const HistEntry &entry, bool get) {
        const QPair<QString, quint64> key{entry.module, entry.address};
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            CallSiteCount site;
            site.module = entry.module;
            site.callSite = name ? name(entry.address) : QString();
            if (site.callSite.isEmpty())
                site.callSite = callSiteFromKernelSymbol(entry.kernelSymbol);
            if (site.callSite.isEmpty() && addresses)
                site.callSite = QStringLiteral("0x%1").arg(entry.address, 0, 16);
            if (site.callSite.isEmpty())
                site.callSite = QStringLiteral("?");
            site.address = addresses ? entry.address : 0;
            counts.sites.append(site);
            it = index.insert(key, counts.sites.size() - 1);
        }
        (get ? counts.sites[*it].gets : counts.sites[*it].puts) += entry.hits;
    };
    for (const HistEntry &entry : gets.entries)
        add(entry, true);
    for (const HistEntry &entry : puts.entries)
        add(entry, false);
    return counts;
}

} // namespace refscope
