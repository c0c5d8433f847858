// SPDX-License-Identifier: Apache-2.0
#include "util/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QXmlStreamReader>

namespace FateDeployer {

Translator::Translator(QObject *parent)
    : QTranslator(parent)
{}

bool Translator::load(const QLocale &locale)
{
    m_bySource.clear();
    if (!m_compiled.load(locale, QStringLiteral("fate-deployer"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        return false;
    // The source catalogue is embedded beside the .qm (see translations/CMakeLists.txt).
    const QString tsPath = QStringLiteral(":/i18n-src/fate-deployer_%1.ts").arg(locale.name());
    QFile ts(tsPath);
    if (ts.open(QIODevice::ReadOnly)) {
        QXmlStreamReader xml(&ts);
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                QString text;
                // Plural messages carry <numerusform> children; zh_CN has a single form.
                while (!xml.atEnd()) {
                    const auto token = xml.readNext();
                    if (token == QXmlStreamReader::Characters)
                        text += xml.text();
                    else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("translation"))
                        break;
                }
                if (!unfinished && !text.trimmed().isEmpty() && !source.isEmpty())
                    m_bySource.insert(source, text);
            }
        }
    }
    return true;
}

QString Translator::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    QString text = m_compiled.translate(context, sourceText, disambiguation, n);
    if (text.isEmpty() && sourceText) {
        text = m_bySource.value(QString::fromUtf8(sourceText));
        if (n >= 0)
            text.replace(QLatin1String("%n"), QLocale().toString(n));
    }
    return text;
}

bool Translator::isEmpty() const
{
    return m_compiled.isEmpty() && m_bySource.isEmpty();
}

void Translator::installFor(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    auto *qt = new QTranslator(app);
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *ours = new Translator(app);
    if (ours->load(locale))
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
}

} // namespace FateDeployer
