// SPDX-License-Identifier: Apache-2.0
#include "util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace FateDeployer {

Translator::Translator(QObject *parent)
    : QTranslator(parent)
{}

bool Translator::load(const QLocale &locale)
{
    return m_compiled.load(locale, QStringLiteral("fate-deployer"), QStringLiteral("_"), QStringLiteral(":/i18n"));
}

QString Translator::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    return m_compiled.translate(context, sourceText, disambiguation, n);
}

bool Translator::isEmpty() const
{
    return m_compiled.isEmpty();
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
