// SPDX-License-Identifier: GPL-3.0-or-later
#include "window/detailsdock.h"

#include "models/moduledetailsmodel.h"
#include "teaching/teaching.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>

namespace refscope {

// Links inside the fields pane name a module: "module:<name>".
static const QString kModuleScheme = QStringLiteral("module");

DetailsDock::DetailsDock(ModuleDetailsModel *details, QWidget *parent)
    : QDockWidget(tr("Module details"), parent), m_details(details), m_fields(new QTextBrowser),
      m_params(new QTableView)
{
    setObjectName(QStringLiteral("detailsDock"));
    m_fields->setObjectName(QStringLiteral("detailsFields"));
    m_fields->setOpenLinks(false);
    connect(m_fields, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == kModuleScheme)
            emit moduleLinkActivated(url.path());
    });

    m_params->setObjectName(QStringLiteral("detailsParams"));
    m_params->setModel(details->params());
    m_params->verticalHeader()->hide();
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_params->setWordWrap(false);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_fields);
    split->addWidget(m_params);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    setWidget(split);

    connect(details, &ModuleDetailsModel::moduleChanged, this, &DetailsDock::render);
    connect(details->params(), &QAbstractItemModel::modelReset, this,
            [this] { m_params->resizeColumnToContents(0); });
    render();
}

QString DetailsDock::text() const
{
    return m_fields->toPlainText();
}

static QString moduleLinks(const QStringList &names)
{
    QStringList links;
    for (const QString &name : names)
        links.append(
            QStringLiteral("<a href=\"%1:%2\">%2</a>").arg(kModuleScheme, name.toHtmlEscaped()));
    return links.join(QLatin1String(", "));
}

QString DetailsDock::fieldsHtml() const
{
    if (m_details->moduleName().isEmpty())
        return QStringLiteral("<p>%1</p>")
            .arg(tr("Select a module to see why it is loaded and who holds it.").toHtmlEscaped());
    if (!m_details->isLoaded())
        return QStringLiteral("<p>%1</p>")
            .arg(tr("%1 is not loaded now.").arg(m_details->moduleName()).toHtmlEscaped());
    QString html = QStringLiteral("<table cellspacing=\"2\" cellpadding=\"2\">");
    for (int row = 0; row < m_details->rowCount(); ++row) {
        const QModelIndex label = m_details->index(row, ModuleDetailsModel::Label);
        const QModelIndex value = m_details->index(row, ModuleDetailsModel::Value);
        const QStringList links = value.data(ModuleDetailsModel::LinksRole).toStringList();
        const QString shown =
            links.isEmpty() ? value.data().toString().toHtmlEscaped() : moduleLinks(links);
        // The field's explanation, where it has one, is the label's tooltip.
        const QString tip = label.data(Qt::ToolTipRole).toString();
        const QString title = tip == label.data().toString()
                                  ? QString()
                                  : QStringLiteral(" title=\"%1\"").arg(tip.toHtmlEscaped());
        html += QStringLiteral("<tr><td valign=\"top\"%3><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.data().toString().toHtmlEscaped(), shown, title);
    }
    // What the state means and where it stands in a module's life.
    const ModuleState state = m_details->module().state;
    return html + QStringLiteral("</table><h4>%1</h4><p>%2</p>%3")
                      .arg(tr("Where it is in its life").toHtmlEscaped(),
                           Teaching::moduleState(state).toHtmlEscaped(),
                           Teaching::lifecycleHtml(Teaching::lifecycleStep(state)));
}

void DetailsDock::render()
{
    // A refresh re-renders the same module: keep the reader's place.
    const int scroll = m_fields->verticalScrollBar()->value();
    m_fields->setHtml(fieldsHtml());
    m_fields->verticalScrollBar()->setValue(scroll);
    m_params->setVisible(m_details->isLoaded() && m_details->params()->rowCount() > 0);
}

} // namespace refscope
