// SPDX-License-Identifier: Apache-2.0
// Not compiled: tst_trcontexts runs lupdate on this file and checks that TrContextCheck finds exactly the
// calls marked MISMATCH (lupdate files them under one context, the run-time lookup asks with another).
#include "util/tr.h"

#include <QObject>

namespace FateDeployer {

class Widgetish : public QObject
{
    Q_OBJECT

public:
    QString title() const { return tr("inline member of a QObject"); }
    QString body() const;

    class Private;
};

class Plain
{
public:
    QString text() const;
    QString other() const;
};

class Declared
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::Declared)

public:
    QString text() const { return tr("declared tr functions"); }
};

class Derived : public Widgetish
{
public:
    QString text() const { return tr("inherits the base's tr"); } // MISMATCH
};

namespace {

/* TRANSLATOR FateDeployer::Fixture */
constexpr Tr tr{"FateDeployer::Fixture"};

QString freeFunction()
{
    return tr("free function with a Tr of another context"); // MISMATCH
}

} // namespace

class Widgetish::Private
{
public:
    QString text() const { return tr("nested in a QObject: the outer tr"); }
};

QString Widgetish::body() const
{
    const auto lambda = [] { return tr("lambda in a QObject member"); };
    return lambda() + tr("out-of-line member of a QObject");
}

QString Plain::text() const
{
    return tr("member of a class without tr: the file's Tr"); // MISMATCH
}

QString Plain::other() const
{
    return QCoreApplication::translate("FateDeployer::Plain", "explicit context")
           + Declared::tr("qualified tr of a class") // MISMATCH (lupdate: "QCoreApplication::Declared")
           + QLatin1String(QT_TRANSLATE_NOOP("FateDeployer::Noop", "noop"));
}

} // namespace FateDeployer
