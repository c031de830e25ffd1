// SPDX-License-Identifier: GPL-3.0-or-later
// The plumbing shared by the small two-column tables (a module's fields,
// its parameters, the built-in modules): fixed headers, text cells, no
// children. Subclasses say how many rows there are and what each cell says.
#pragma once

#include <QAbstractTableModel>

namespace refscope {

class TwoColumnModel : public QAbstractTableModel {
    Q_OBJECT
public:
    TwoColumnModel(const QString &firstHeader, const QString &secondHeader,
                   QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // Display and tooltip roles show cellText(); others are empty.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    virtual int rows() const = 0;
    virtual QString cellText(int row, int column) const = 0;

private:
    QString m_headers[2];
};

} // namespace refscope
