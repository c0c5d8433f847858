// SPDX-License-Identifier: Apache-2.0
#include "gui/language.h"

#include "util/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace FateDeployer::Language {

namespace {
Translator *appTranslator = nullptr;
QTranslator *qtTranslator = nullptr;
QString currentLanguage = QStringLiteral("en");
} // namespace

QString apply(const QString &language)
{
    auto *app = QCoreApplication::instance();
    if (!appTranslator) {
        appTranslator = new Translator(app);
        qtTranslator = new QTranslator(app);
    }
    QCoreApplication::removeTranslator(appTranslator);
    QCoreApplication::removeTranslator(qtTranslator);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    currentLanguage = QStringLiteral("en");
    // English is the source language: no translator needed.
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        // "qt_" is the meta catalogue (qtbase and friends); Debian ships it for zh_CN.
        const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (qtTranslator->load(locale, QStringLiteral("qt"), QStringLiteral("_"), qtDir)
            || qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
            QCoreApplication::installTranslator(qtTranslator);
        if (appTranslator->load(locale)) {
            QCoreApplication::installTranslator(appTranslator);
            currentLanguage = locale.name();
        }
    }
    QLocale::setDefault(currentLanguage == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                               : locale);
    return currentLanguage;
}

QString current()
{
    return currentLanguage;
}

} // namespace FateDeployer::Language
