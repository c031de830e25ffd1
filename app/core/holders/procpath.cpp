// SPDX-License-Identifier: GPL-3.0-or-later
#include "holders/procpath.h"

namespace refscope {

QString unescapeProcPath(const QByteArray &field)
{
    QByteArray out;
    for (int i = 0; i < field.size(); ++i) {
        if (field.at(i) == '\\' && i + 3 < field.size()) {
            out.append(char(field.mid(i + 1, 3).toInt(nullptr, 8)));
            i += 3;
        } else {
            out.append(field.at(i));
        }
    }
    return QString::fromUtf8(out);
}

} // namespace refscope
