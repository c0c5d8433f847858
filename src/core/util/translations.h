// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QLocale>
#include <QTranslator>

namespace FateDeployer {

/// Our translator: the compiled catalogue (.qm) first, then the same catalogue looked up by source
/// text alone. lupdate files a tr() call under the class it appears in, while a file-local helper
/// may ask with another context; the fallback keeps such strings translated instead of silently
/// showing English.
class Translator : public QTranslator
{
    Q_OBJECT

public:
    explicit Translator(QObject *parent = nullptr);

    /// Loads "fate-deployer_<locale>" from the embedded catalogues; false for English or unknown.
    bool load(const QLocale &locale);

    QString translate(const char *context,
                      const char *sourceText,
                      const char *disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override;

    /// Installs Qt's own and our translator for the locale on the running application.
    static void installFor(const QLocale &locale);

private:
    QTranslator m_compiled;
    QHash<QString, QString> m_bySource;
};

} // namespace FateDeployer
