// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLocale>
#include <QTranslator>

namespace FateDeployer {

/// Our translator: the compiled catalogue (.qm), looked up by context and source text only. Every call
/// asks with the context lupdate filed it under (util/tr.h; tst_trcontexts checks each one), so there is
/// no lookup by source text alone: it hid calls that asked with the wrong context.
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
};

} // namespace FateDeployer
