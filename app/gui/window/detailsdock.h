// SPDX-License-Identifier: GPL-3.0-or-later
// The dock with everything about the selected module: its fields, with the
// modules it uses and those using it as links (following one selects that
// module everywhere), and its parameters.
#pragma once

#include <QDockWidget>

class QTableView;
class QTextBrowser;

namespace refscope {

class ModuleDetailsModel;

class DetailsDock : public QDockWidget {
    Q_OBJECT
public:
    DetailsDock(ModuleDetailsModel *details, QWidget *parent = nullptr);

    QString text() const; // what the fields pane shows, as plain text

signals:
    void moduleLinkActivated(const QString &name);

private:
    void render();
    QString fieldsHtml() const;

    ModuleDetailsModel *m_details;
    QTextBrowser *m_fields;
    QTableView *m_params;
};

} // namespace refscope
