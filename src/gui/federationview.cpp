// SPDX-License-Identifier: Apache-2.0
#include "gui/federationview.h"

#include "gui/hoststatus.h"
#include "gui/icons.h"
#include "gui/projectdocument.h"
#include "model/era.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QtMath>

namespace FateDeployer {

FederationView::FederationView(ProjectDocument *document, HostStatusBoard *status, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_status(status)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAccessibleName(tr("Federation picture"));
    connect(m_document, &ProjectDocument::changed, this, [this] {
        if (m_selected >= m_document->project().parties.size())
            m_selected = -1;
        update();
    });
    connect(m_status, &HostStatusBoard::changed, this, [this] { update(); });
}

FederationView::~FederationView() = default;

QSize FederationView::sizeHint() const
{
    return {360, 360};
}

QSize FederationView::minimumSizeHint() const
{
    return {200, 200};
}

void FederationView::setSelectedRow(int row)
{
    if (row == m_selected)
        return;
    m_selected = row;
    update();
    emit selectedRowChanged(row);
}

qreal FederationView::nodeRadius() const
{
    const int n = int(m_document->project().parties.size());
    const qreal side = qMin(width(), height());
    qreal r = side / 11.0;
    if (n > 6) // keep neighbours from overlapping on the ring
        r = qMin(r, M_PI * side * 0.36 / n * 0.8);
    return qBound(10.0, r, 36.0);
}

QPointF FederationView::nodeCenter(int row) const
{
    const QPointF c(width() / 2.0, height() / 2.0);
    if (row < 0)
        return c;
    const int n = int(m_document->project().parties.size());
    // Room for the labels outside the ring (a party with serving has two lines).
    int lines = 1;
    for (int i = 0; i < n; ++i)
        lines = qMax(lines, int(nodeLabel(i).size()));
    const qreal label = lines * (QFontMetricsF(font()).height() + 2) + 4;
    const qreal ring = qMax(nodeRadius(),
                            qMin(qMin(width(), height()) * 0.36, qMin(width(), height()) / 2.0 - nodeRadius() - label));
    const qreal angle = -M_PI / 2 + 2 * M_PI * row / qMax(1, n);
    return c + QPointF(ring * qCos(angle), ring * qSin(angle));
}

int FederationView::rowAt(const QPointF &pos) const
{
    const qreal r = nodeRadius();
    const int n = int(m_document->project().parties.size());
    for (int i = 0; i < n; ++i) {
        if (QLineF(pos, nodeCenter(i)).length() <= r + 2)
            return i;
    }
    return -2; // -1 is the exchange
}

QStringList FederationView::nodeLabel(int row) const
{
    const Project &project = m_document->project();
    if (row < 0 || row >= project.parties.size())
        return {};
    const Party &party = project.parties.at(row);
    QStringList lines{party.host.isEmpty() ? tr("(no host)") : party.host};
    if (!party.servingHost.isEmpty() && eraHasServing(kubefateEra(project.templates.kubefateVersion)))
        lines.append(party.servingHost.compare(party.host, Qt::CaseInsensitive) == 0
                         ? tr("+ serving")
                         : tr("+ serving on %1").arg(party.servingHost));
    return lines;
}

void FederationView::setPathResults(const QList<MatrixCell> &cells)
{
    m_paths.clear();
    auto partyOf = [](const QString &key) { return key.startsWith(QLatin1String("party-")) ? key.mid(6).toInt() : 0; };
    for (const MatrixCell &c : cells)
        for (int id : {partyOf(c.from), partyOf(c.to)})
            if (id)
                m_paths.insert(id, m_paths.value(id, true) && c.result == MatrixCell::Result::Ok);
    update();
}

void FederationView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const Project &project = m_document->project();
    const qreal r = nodeRadius();

    auto fillFor = [this, &pal](const QString &host) {
        QColor c;
        switch (m_status->state(host)) {
        case HostStatusBoard::State::Ok:
            c = Icons::statusColor(Icons::Glyph::Ok);
            break;
        case HostStatusBoard::State::Failed:
            c = Icons::statusColor(Icons::Glyph::Error);
            break;
        case HostStatusBoard::State::Running:
            c = Icons::statusColor(Icons::Glyph::Running);
            break;
        case HostStatusBoard::State::Unknown:
            return pal.color(QPalette::Button);
        }
        // Opaque tint of the status colour over the base, so routes do not show through nodes.
        const QColor base = pal.color(QPalette::Base);
        const qreal k = 0.35;
        return QColor::fromRgbF(base.redF() + (c.redF() - base.redF()) * k,
                                base.greenF() + (c.greenF() - base.greenF()) * k,
                                base.blueF() + (c.blueF() - base.blueF()) * k);
    };

    // Routes: every party talks to the others through the exchange's proxy.
    const QPointF centre = nodeCenter(-1);
    QPen routePen(pal.color(QPalette::Mid), 2);
    for (int i = 0; i < project.parties.size(); ++i) {
        const auto path = m_paths.constFind(project.parties.at(i).id);
        const QColor plain = path == m_paths.cend()
                                 ? pal.color(QPalette::Mid)
                                 : Icons::statusColor(*path ? Icons::Glyph::Ok : Icons::Glyph::Error);
        routePen.setColor(i == m_selected ? pal.color(QPalette::Highlight) : plain);
        routePen.setWidthF(path == m_paths.cend() ? 2 : 3);
        routePen.setStyle(project.exchange.enabled ? Qt::SolidLine : Qt::DashLine);
        p.setPen(routePen);
        p.drawLine(centre, nodeCenter(i));
    }

    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF fm(font());

    if (project.exchange.enabled) {
        const qreal er = r * 1.15;
        QRectF box(centre.x() - er * 1.4, centre.y() - er, er * 2.8, er * 2);
        // Dashed: another team deploys it ("my parties only"); this project only routes to it.
        p.setPen(QPen(pal.color(QPalette::WindowText), 1.5, project.exchange.external ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(fillFor(project.exchange.host));
        p.drawRoundedRect(box, 6, 6);
        p.setFont(bold);
        p.drawText(box.adjusted(0, 2, 0, -box.height() / 2), Qt::AlignHCenter | Qt::AlignBottom, tr("Exchange"));
        p.setFont(font());
        p.drawText(box.adjusted(0, box.height() / 2, 0, 0),
                   Qt::AlignHCenter | Qt::AlignTop,
                   fm.elidedText(project.exchange.host, Qt::ElideMiddle, box.width() - 4));
    }

    for (int i = 0; i < project.parties.size(); ++i) {
        const Party &party = project.parties.at(i);
        const QPointF pt = nodeCenter(i);
        const bool invalid = Validator::hasErrors(m_document->issuesFor(QStringLiteral("parties[%1]").arg(i)));
        QPen pen(invalid ? Icons::statusColor(Icons::Glyph::Error) : pal.color(QPalette::WindowText), 1.5);
        if (i == m_selected) {
            pen.setColor(pal.color(QPalette::Highlight));
            pen.setWidthF(3.5);
        }
        if (party.external)
            pen.setStyle(Qt::DashLine);
        p.setPen(pen);
        p.setBrush(fillFor(party.host));
        p.drawEllipse(pt, r, r);
        p.setPen(pal.color(QPalette::WindowText));
        p.setFont(bold);
        p.drawText(QRectF(pt.x() - r * 2, pt.y() - r, r * 4, r * 2), Qt::AlignCenter, QString::number(party.id));
        p.setFont(font());
        const QStringList lines = nodeLabel(i);
        const qreal labelWidth = qMax(r * 4, 90.0);
        const qreal lineHeight = fm.height() + 2;
        QRectF label(pt.x() - labelWidth / 2, pt.y() + r + 2, labelWidth, lineHeight * lines.size());
        if (pt.y() < centre.y() - 1) // labels above the nodes on the upper half keep clear of the routes
            label.moveBottom(pt.y() - r - 2);
        for (int l = 0; l < lines.size(); ++l)
            p.drawText(QRectF(label.left(), label.top() + l * lineHeight, label.width(), lineHeight),
                       Qt::AlignCenter,
                       fm.elidedText(lines.at(l), Qt::ElideMiddle, labelWidth));
    }

    if (project.parties.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignBottom | Qt::AlignHCenter, tr("Add a party to begin."));
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -2, -2));
    }
}

void FederationView::mousePressEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position());
    if (row >= 0)
        setSelectedRow(row);
    QWidget::mousePressEvent(event);
}

void FederationView::keyPressEvent(QKeyEvent *event)
{
    const int n = int(m_document->project().parties.size());
    if (n > 0 && (event->key() == Qt::Key_Right || event->key() == Qt::Key_Down)) {
        setSelectedRow((m_selected + 1) % n);
        return;
    }
    if (n > 0 && (event->key() == Qt::Key_Left || event->key() == Qt::Key_Up)) {
        setSelectedRow(m_selected <= 0 ? n - 1 : m_selected - 1);
        return;
    }
    QWidget::keyPressEvent(event);
}

bool FederationView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        const Project &project = m_document->project();
        QString text;
        if (row >= 0) {
            const Party &party = project.parties.at(row);
            text = tr("Party %1 on %2").arg(party.id).arg(party.host);
            if (nodeLabel(row).size() > 1)
                text += QLatin1Char('\n') + tr("FATE-Serving on %1").arg(party.servingHost);
            for (const ValidationIssue &issue : m_document->issuesFor(QStringLiteral("parties[%1]").arg(row)))
                text += QLatin1Char('\n') + issue.message;
        } else if (QLineF(help->pos(), nodeCenter(-1)).length() < nodeRadius() * 1.5) {
            text = tr("Exchange on %1, port %2").arg(project.exchange.host).arg(project.exchange.port);
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace FateDeployer
