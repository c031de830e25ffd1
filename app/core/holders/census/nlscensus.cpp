// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/census/nlscensus.h"

#include "holders/census/census.h"
#include "holders/holdertext.h"
#include "holders/moduleowners.h"
#include "holders/procpath.h"

#include <QFile>

namespace refscope {

namespace {

// The table load_nls asks for: "nls_" + the charset name; a FAT codepage
// is a number and names the table "cp" + that number.
QString tableFor(const QByteArray &key, const QByteArray &value)
{
    QString charset = QString::fromUtf8(value);
    bool numeric = false;
    charset.toInt(&numeric);
    if (key == "codepage" && numeric)
        charset.prepend(QStringLiteral("cp"));
    return QStringLiteral("nls_") + charset;
}

} // namespace

QList<NlsMount> parseNlsMounts(const QByteArray &mountinfo)
{
    QList<NlsMount> mounts;
    for (const QByteArray &line : mountinfo.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        const int dash = f.indexOf("-");
        if (f.size() < 6 || dash < 6 || dash + 3 >= f.size())
            continue;
        NlsMount m;
        m.type = QString::fromUtf8(f.at(dash + 1));
        for (const QByteArray &option : f.at(dash + 3).split(',')) {
            const int eq = option.indexOf('=');
            if (eq <= 0)
                continue;
            const QByteArray key = option.left(eq);
            const QByteArray value = option.mid(eq + 1);
            if ((key != "iocharset" && key != "codepage" && key != "nls") || value.isEmpty())
                continue;
            // exfat, ntfs3 and iso9660 translate utf8 themselves and load
            // no table for it (vfat does load nls_utf8: measured).
            static const QStringList ownUtf8{QStringLiteral("exfat"), QStringLiteral("ntfs3"),
                                             QStringLiteral("iso9660")};
            if (value == "utf8" && ownUtf8.contains(m.type))
                continue;
            m.options << QString::fromUtf8(option);
            m.tables << tableFor(key, value);
        }
        if (m.tables.isEmpty())
            continue;
        m.superblock = QString::fromLatin1(f.at(2)) + u'|' + m.type;
        m.mountPoint = unescapeProcPath(f.at(4));
        mounts.append(m);
    }
    return mounts;
}

void addNlsHolders(ModuleOwners &owners, Census &census)
{
    const bool anyLoaded = std::any_of(owners.loaded().cbegin(), owners.loaded().cend(),
                                       [](const QString &m) { return m.startsWith(u"nls_"); });
    if (!anyLoaded)
        return;
    // Our own mount namespace only: a filesystem mounted in another one
    // alone stays unattributed.
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    if (!file.open(QIODevice::ReadOnly)) {
        census.markUnchecked(QStringLiteral("nls"), file.errorString());
        return;
    }
    // One holder per superblock and table, undone by unmounting every
    // mount point of that superblock.
    struct Entry {
        QString module;
        QString option;
        QString alias;
        QString type;
        QStringList mountPoints;
    };
    QList<Entry> entries;
    QHash<QString, qsizetype> index; // superblock|table -> entries
    for (const NlsMount &m : parseNlsMounts(file.readAll())) {
        for (qsizetype i = 0; i < m.tables.size(); ++i) {
            const QString key = m.superblock + u'|' + m.options.at(i);
            const auto found = index.constFind(key);
            if (found != index.cend()) {
                entries[*found].mountPoints << m.mountPoint;
                continue;
            }
            const QString module = owners.aliasModule(m.tables.at(i));
            if (module.isEmpty())
                continue;
            index.insert(key, entries.size());
            entries.append({module, m.options.at(i), m.tables.at(i), m.type, {m.mountPoint}});
        }
    }
    for (const Entry &e : std::as_const(entries)) {
        Holder h;
        h.kind = HolderKind::Nls;
        h.path = QStringLiteral("%1 (%2, %3)")
                     .arg(e.mountPoints.join(QStringLiteral(", ")), e.type, e.option);
        h.refs = 1;
        h.source = HolderSource::Inferred;
        QStringList quoted;
        for (const QString &point : e.mountPoints)
            quoted << (point.contains(u' ') ? u'\'' + point + u'\'' : point);
        h.undo = QStringLiteral("umount ") + quoted.join(u' ');
        setHolderRule(h, {{HolderSentenceCode::NlsTable, {e.type, e.option, e.alias}}});
        census.holders[e.module].append(h);
    }
}

} // namespace refscope
