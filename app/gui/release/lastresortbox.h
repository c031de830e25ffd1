// SPDX-License-Identifier: GPL-3.0-or-later
// The last resort of a force release: nothing, dropping the references a
// recording proves leaked, or the kernel's forced unload, each with its risk in
// plain words. The choices stay locked until the module's name is typed
// exactly; one the report or the kernel does not allow says why instead.
#pragma once

#include "release/releaserequest.h"

#include <QGroupBox>
#include <QMap>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace refscope {

class ReleasePlan;

class LastResortBox : public QGroupBox {
    Q_OBJECT
public:
    explicit LastResortBox(QWidget *parent = nullptr);

    // Edits the plan, which must outlive the box or be set again.
    void setPlan(ReleasePlan *plan);
    // Re-reads what the plan allows now (after holders were ticked).
    void refresh();

    QLineEdit *nameField() const { return m_name; }
    QRadioButton *button(LastResort resort) const { return m_buttons.value(resort); }
    QString note(LastResort resort) const; // the risk, or why it is not offered

signals:
    void planChanged();

private:
    ReleasePlan *m_plan = nullptr;
    QLabel *m_prompt;
    QLineEdit *m_name;
    QButtonGroup *m_group;
    QMap<LastResort, QRadioButton *> m_buttons;
    QMap<LastResort, QLabel *> m_notes;
};

} // namespace refscope
