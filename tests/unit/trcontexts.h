// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace FateDeployer {

/// Which translation context each translatable call of a source tree asks for *at run time*, compared
/// with the catalogue lupdate wrote. lupdate files a tr() call under the scope it appears in; the C++ name
/// lookup may find another tr() (a file's `Tr` helper, a base class's tr()). Where the two differ the
/// string is translated in the .ts under a context nobody asks for and shows in English.
///
/// A small C++ scanner, not a compiler: it knows namespaces, classes (Q_OBJECT, Q_DECLARE_TR_FUNCTIONS,
/// bases, nesting), member function definitions, lambdas, `Tr` instances, `X::tr`,
/// `QCoreApplication::translate` and the QT_*_NOOP macros; that is every form the project uses.
class TrContextCheck
{
public:
    struct Call
    {
        QString file;
        int line = 0;
        QString context; ///< the context asked for at run time; empty if none could be found
        QString source;
        QString comment; ///< disambiguation
    };
    struct Problem
    {
        Call call;
        QString reason;
    };

    /// Scans the files (.cpp and .h); classes declared in any of them are known in all.
    void scan(const QStringList &files);
    /// Reads a .ts catalogue.
    bool loadCatalogue(const QString &tsPath);

    QList<Call> calls() const { return m_calls; }
    /// Calls whose first argument is not a literal (tr(variable)); they cannot be checked here.
    int dynamicCalls() const { return m_dynamic; }

    /// Every call must find its (context, source, comment) in the catalogue, finished unless
    /// requireFinished is false.
    QList<Problem> problems(bool requireFinished = true) const;

    static QStringList sourceFiles(const QString &dir);

private:
    struct ClassInfo
    {
        QString trContext; ///< Q_OBJECT/Q_GADGET: the qualified name; Q_DECLARE_TR_FUNCTIONS: its argument
        QStringList bases; ///< as written
        QString scope;     ///< the namespace/class it is declared in
    };
    struct PendingCall
    {
        Call call;
        enum Kind { Unqualified, Qualified, Explicit, Instance } kind = Unqualified;
        QString cls;       ///< the class whose member function (or body) contains the call
        QString scope;     ///< the namespace or class the call is in, to resolve X of X::tr
        QString qualifier; ///< X of X::tr
        QString instance;  ///< Tr instance name
    };
    struct Entry
    {
        bool finished = false;
    };

    void scanFile(const QString &path);
    QString resolveClass(const QString &name, const QString &from) const;
    QString trOfClass(const QString &cls, int depth = 0) const;
    QString resolve(const PendingCall &pending) const;

    QHash<QString, ClassInfo> m_classes;
    struct Instance
    {
        QString name;
        QString ns; ///< the namespace it is declared in
        QString context;
    };
    QHash<QString, QList<Instance>> m_instances;       ///< file → its Tr instances
    QHash<QString, QList<Instance>> m_headerInstances; ///< under "": instances declared in headers
    QList<PendingCall> m_pending;
    QList<Call> m_calls;
    int m_dynamic = 0;
    QHash<QString, QHash<QString, Entry>> m_catalogue; ///< context → source + '\x1f' + comment
};

} // namespace FateDeployer
