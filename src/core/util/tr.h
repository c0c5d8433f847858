// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

namespace FateDeployer {

/// A translation function with a fixed context, for code outside classes.
struct Tr
{
    const char *context;

    QString operator()(const char *text, const char *disambiguation = nullptr, int n = -1) const
    {
        return QCoreApplication::translate(context, text, disambiguation, n);
    }
};

/// tr() for every function of namespace FateDeployer that is not a class member. lupdate files a tr()
/// call under the innermost named scope of the function it is in, so the run-time lookup must use the
/// same context, whatever the file:
/// - a free function (anonymous namespaces included): "FateDeployer", this helper;
/// - a member of a QObject class: its Q_OBJECT tr() ("FateDeployer::<Class>");
/// - a member of any other class (nested ones too): give the class
///   `Q_DECLARE_TR_FUNCTIONS(FateDeployer::<Class>)`, or C++ finds this helper while lupdate files the
///   call under the class. Call a class's tr() unqualified: lupdate files `Class::tr("…")` of a
///   Q_DECLARE_TR_FUNCTIONS class under "QCoreApplication::Class".
/// A /* TRANSLATOR */ comment changes nothing here. tst_trcontexts checks every call against the catalogue.
inline constexpr Tr tr{"FateDeployer"};

} // namespace FateDeployer
