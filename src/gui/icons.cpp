// SPDX-License-Identifier: Apache-2.0
#include "gui/icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QtMath>

namespace FateDeployer::Icons {

namespace {

class GlyphEngine : public QIconEngine
{
public:
    explicit GlyphEngine(Glyph glyph)
        : m_glyph(glyph)
    {}

    QIconEngine *clone() const override { return new GlyphEngine(m_glyph); }
    QString key() const override { return QStringLiteral("fd-glyph"); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette pal = QApplication::palette();
        QColor fg = statusColor(m_glyph);
        if (!fg.isValid())
            fg = pal.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Selected)
            fg = pal.color(QPalette::HighlightedText);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const qreal s = qMin(rect.width(), rect.height());
        p->translate(rect.x() + (rect.width() - s) / 2.0, rect.y() + (rect.height() - s) / 2.0);
        p->scale(s / 24.0, s / 24.0); // draw on a 24×24 grid
        QPen pen(fg, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        draw(p, fg);
        p->restore();
    }

private:
    void draw(QPainter *p, const QColor &fg) const
    {
        switch (m_glyph) {
        case Glyph::Topology: {
            p->drawLine(QPointF(12, 12), QPointF(5, 5));
            p->drawLine(QPointF(12, 12), QPointF(19, 5));
            p->drawLine(QPointF(12, 12), QPointF(12, 20));
            p->setBrush(fg);
            p->drawEllipse(QPointF(12, 12), 3, 3);
            p->setBrush(Qt::NoBrush);
            p->drawEllipse(QPointF(5, 5), 2.5, 2.5);
            p->drawEllipse(QPointF(19, 5), 2.5, 2.5);
            p->drawEllipse(QPointF(12, 20), 2.5, 2.5);
            break;
        }
        case Glyph::Images:
            p->drawRect(QRectF(3, 8, 8, 6));
            p->drawRect(QRectF(13, 8, 8, 6));
            p->drawRect(QRectF(8, 15, 8, 6));
            p->drawLine(QPointF(3, 4), QPointF(21, 4));
            break;
        case Glyph::Deploy:
            p->drawLine(QPointF(12, 3), QPointF(12, 15));
            p->drawPolyline(QPolygonF({QPointF(7, 10), QPointF(12, 15), QPointF(17, 10)}));
            p->drawPolyline(QPolygonF({QPointF(4, 16), QPointF(4, 20), QPointF(20, 20), QPointF(20, 16)}));
            break;
        case Glyph::History:
            p->drawEllipse(QPointF(12, 12), 8.5, 8.5);
            p->drawPolyline(QPolygonF({QPointF(12, 7), QPointF(12, 12), QPointF(16, 14)}));
            break;
        case Glyph::Ok:
        case Glyph::Verify:
            p->drawPolyline(QPolygonF({QPointF(5, 12.5), QPointF(10, 17.5), QPointF(19.5, 6.5)}));
            break;
        case Glyph::Error:
        case Glyph::Cancel:
        case Glyph::Remove:
            if (m_glyph == Glyph::Remove) {
                p->drawLine(QPointF(5, 12), QPointF(19, 12));
            } else {
                p->drawEllipse(QPointF(12, 12), 8.5, 8.5);
                p->drawLine(QPointF(9, 9), QPointF(15, 15));
                p->drawLine(QPointF(15, 9), QPointF(9, 15));
            }
            break;
        case Glyph::Warning: {
            p->drawPolygon(QPolygonF({QPointF(12, 3.5), QPointF(21, 20), QPointF(3, 20)}));
            p->drawLine(QPointF(12, 9.5), QPointF(12, 14));
            p->setBrush(fg);
            p->drawEllipse(QPointF(12, 17), 0.6, 0.6);
            break;
        }
        case Glyph::Running:
            p->drawArc(QRectF(4, 4, 16, 16), 90 * 16, -270 * 16);
            p->setBrush(fg);
            p->drawPolygon(QPolygonF({QPointF(12, 1.5), QPointF(16, 4), QPointF(12, 6.5)}));
            break;
        case Glyph::Pending:
            p->drawEllipse(QPointF(12, 12), 7.5, 7.5);
            break;
        case Glyph::Add:
            p->drawLine(QPointF(12, 5), QPointF(12, 19));
            p->drawLine(QPointF(5, 12), QPointF(19, 12));
            break;
        case Glyph::Duplicate:
            p->drawRect(QRectF(4, 4, 11, 11));
            p->drawRect(QRectF(9, 9, 11, 11));
            break;
        case Glyph::Retry:
        case Glyph::Refresh:
            p->drawArc(QRectF(4, 4, 16, 16), 30 * 16, 300 * 16);
            p->drawPolyline(QPolygonF({QPointF(19, 3.5), QPointF(19, 8.5), QPointF(14, 8.5)}));
            break;
        case Glyph::Preflight:
            p->drawRect(QRectF(5, 3.5, 14, 17));
            p->drawPolyline(QPolygonF({QPointF(8, 9), QPointF(10, 11), QPointF(13.5, 7)}));
            p->drawLine(QPointF(8, 15.5), QPointF(16, 15.5));
            break;
        case Glyph::Open:
            p->drawPolyline(QPolygonF(
                {QPointF(3, 19), QPointF(3, 5), QPointF(9, 5), QPointF(11, 7.5), QPointF(19, 7.5), QPointF(19, 10)}));
            p->drawPolygon(QPolygonF({QPointF(3, 19), QPointF(6.5, 10.5), QPointF(21.5, 10.5), QPointF(18, 19)}));
            break;
        case Glyph::Save:
            p->drawPolygon(QPolygonF({QPointF(4, 4), QPointF(17, 4), QPointF(20, 7), QPointF(20, 20), QPointF(4, 20)}));
            p->drawRect(QRectF(8, 4, 7, 5));
            p->drawRect(QRectF(7.5, 13, 9, 7));
            break;
        case Glyph::Search:
            p->drawEllipse(QPointF(10, 10), 6, 6);
            p->drawLine(QPointF(14.5, 14.5), QPointF(20, 20));
            break;
        }
    }

    Glyph m_glyph;
};

} // namespace

QColor statusColor(Glyph status)
{
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    switch (status) {
    case Glyph::Ok:
        return dark ? QColor(0x5c, 0xd1, 0x7a) : QColor(0x1e, 0x8e, 0x3e);
    case Glyph::Error:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Glyph::Warning:
        return dark ? QColor(0xff, 0xc1, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case Glyph::Running:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    default:
        return {};
    }
}

QIcon icon(Glyph glyph)
{
    return QIcon(new GlyphEngine(glyph));
}

QIcon themed(const char *themeName, Glyph fallback)
{
    return QIcon::fromTheme(QLatin1String(themeName), icon(fallback));
}

ItemLook itemLook()
{
    const QPalette pal = QApplication::palette();
    ItemLook look;
    look.error = statusColor(Glyph::Error);
    look.warning = statusColor(Glyph::Warning);
    look.muted = pal.color(QPalette::PlaceholderText);
    look.disabled = pal.color(QPalette::Disabled, QPalette::Text);
    look.darkBase = pal.color(QPalette::Base).lightness() < 128;
    look.errorIcon = icon(Glyph::Error);
    look.warningIcon = icon(Glyph::Warning);
    return look;
}

} // namespace FateDeployer::Icons
