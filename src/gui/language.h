// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace FateDeployer {

/// Installs the translators for a language at runtime. Widgets follow through
/// QEvent::LanguageChange (each page's changeEvent → retranslate).
namespace Language {
/// @p language: "en", "zh_CN" or "" (system locale). Returns the language now in effect.
QString apply(const QString &language);
QString current();
} // namespace Language

} // namespace FateDeployer
