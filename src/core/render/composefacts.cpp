// SPDX-License-Identifier: Apache-2.0
#include "render/composefacts.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace FateDeployer {

namespace {

QString unquote(QString v)
{
    v = v.trimmed();
    if (const qsizetype hash = v.indexOf(QLatin1String(" #")); hash >= 0 && !v.startsWith(QLatin1Char('"')))
        v = v.left(hash).trimmed();
    if (v.size() >= 2
        && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
            || (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))))
        v = v.mid(1, v.size() - 2);
    return v;
}

QString expand(const QString &value, const QHash<QString, QString> &env)
{
    static const QRegularExpression var(
        QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\\}|\\$([A-Za-z_][A-Za-z0-9_]*)"));
    QString out;
    qsizetype last = 0;
    auto it = var.globalMatch(value);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += value.mid(last, m.capturedStart() - last);
        const QString name = m.captured(1).isEmpty() ? m.captured(3) : m.captured(1);
        const QString v = env.value(name);
        out += v.isEmpty() && m.capturedLength(2) > 0 ? m.captured(2) : v;
        last = m.capturedEnd();
    }
    return out + value.mid(last);
}

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

/// "9370:9370", "127.0.0.1:9370:9370", "9370:9370/tcp" → 9370; "9394" (container only) → 0.
int publishedPort(const QString &spec)
{
    QString s = spec.section(QLatin1Char('/'), 0, 0);
    const QStringList parts = s.split(QLatin1Char(':'));
    if (parts.size() < 2)
        return 0;
    bool ok = false;
    const int port = parts.at(parts.size() - 2).toInt(&ok);
    return ok ? port : 0;
}

} // namespace

QHash<QString, QString> ComposeFacts::parseEnv(const QByteArray &env)
{
    QHash<QString, QString> out;
    for (const QByteArray &raw : env.split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            out.insert(line.left(eq).trimmed(), unquote(line.mid(eq + 1)));
    }
    return out;
}

BundleFacts ComposeFacts::parse(const QByteArray &compose,
                                const QHash<QString, QString> &environment,
                                const QStringList &bundleFiles)
{
    BundleFacts facts;
    int servicesIndent = -1; ///< indent of the service names; -1 outside "services:"
    int keyIndent = -1;      ///< indent of a service's keys
    QString section;         ///< the service key whose list we are in: "ports", "volumes"
    int sectionIndent = -1;
    bool inServices = false;
    QStringList volumes;
    for (const QByteArray &raw : compose.split('\n')) {
        QString line = QString::fromUtf8(raw);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString body = line.trimmed();
        if (body.isEmpty() || body.startsWith(QLatin1Char('#')))
            continue;
        const int indent = indentOf(line);
        if (indent == 0) {
            inServices = body == QLatin1String("services:");
            servicesIndent = -1;
            keyIndent = -1;
            section.clear();
            continue;
        }
        if (!inServices)
            continue;
        if (servicesIndent < 0)
            servicesIndent = indent;
        if (indent == servicesIndent) {
            facts.services.append(unquote(body.left(body.indexOf(QLatin1Char(':')))));
            keyIndent = -1;
            section.clear();
            continue;
        }
        if (indent < servicesIndent || facts.services.isEmpty())
            continue;
        if (keyIndent < 0)
            keyIndent = indent;
        if (indent == keyIndent && !body.startsWith(QLatin1Char('-'))) {
            const qsizetype colon = body.indexOf(QLatin1Char(':'));
            const QString key = body.left(colon).trimmed();
            const QString value = colon >= 0 ? unquote(body.mid(colon + 1)) : QString();
            section.clear();
            if (key == QLatin1String("image") && !value.isEmpty()) {
                const QString image = expand(value, environment);
                if (!facts.images.contains(image))
                    facts.images.append(image);
            } else if (key == QLatin1String("ports") || key == QLatin1String("volumes")) {
                section = key;
                sectionIndent = indent;
            }
            continue;
        }
        if (section.isEmpty() || indent <= sectionIndent)
            continue;
        QString item = body;
        if (item.startsWith(QLatin1Char('-')))
            item = item.mid(1).trimmed();
        if (section == QLatin1String("ports")) {
            int port = 0;
            if (item.startsWith(QLatin1String("published:")))
                port = expand(unquote(item.mid(10)), environment).toInt();
            else if (!item.contains(QLatin1String(": ")) && !item.endsWith(QLatin1Char(':')))
                port = publishedPort(expand(unquote(item), environment));
            if (port > 0 && !facts.ports.contains(port))
                facts.ports.append(port);
        } else {
            const QString source = expand(unquote(item), environment).section(QLatin1Char(':'), 0, 0);
            if (source.startsWith(QLatin1String("./")))
                volumes.append(source.mid(2));
        }
    }
    std::sort(facts.ports.begin(), facts.ports.end());
    // A bind-mounted folder the bundle ships nothing in (nor as a file) is written by its container.
    for (QString v : std::as_const(volumes)) {
        while (v.endsWith(QLatin1Char('/')))
            v.chop(1);
        if (v.isEmpty() || facts.dataPaths.contains(v))
            continue;
        const QString prefix = v + QLatin1Char('/');
        const bool shipped = std::any_of(
            bundleFiles.cbegin(), bundleFiles.cend(), [&](const QString &f) { return f == v || f.startsWith(prefix); });
        if (!shipped)
            facts.dataPaths.append(v);
    }
    return facts;
}

Result<BundleFacts> ComposeFacts::of(const Bundle &bundle)
{
    const BundleFile *compose = bundle.file(bundle.composeFile);
    if (!compose)
        return Error{tr("the bundle %1 has no compose file %2").arg(bundle.name, bundle.composeFile)};
    const Result<QByteArray> text = compose->bytes();
    if (!text)
        return Error{text.error()};
    QHash<QString, QString> env;
    if (const BundleFile *dotEnv = bundle.file(QStringLiteral(".env"))) {
        const Result<QByteArray> e = dotEnv->bytes();
        if (!e)
            return Error{e.error()};
        env = parseEnv(e.value());
    }
    QStringList paths;
    paths.reserve(bundle.files.size());
    for (const BundleFile &f : bundle.files)
        paths.append(f.path);
    return parse(text.value(), env, paths);
}

} // namespace FateDeployer
