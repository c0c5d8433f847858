// SPDX-License-Identifier: Apache-2.0
// What the renderer tests share: a fixture tree, one file's text, a bundle's paths, the bundle names,
// and Debian's docker-compose checking every rendered compose file.
#pragma once

#include "model/servicesecrets.h"
#include "render/bundle.h"
#include "render/bundlewriter.h"
#include "templates/templatesource.h"

#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

namespace FateDeployer {

inline TemplateTree openFixture(const QString &root)
{
    Result<TemplateTree> t = TemplateSources::openFolder(root);
    if (!t)
        qFatal("%s", qPrintable(t.error()));
    return t.value();
}

/// The services' passwords of the render tests (with the characters the scripts' sed breaks on).
inline ServiceSecrets testSecrets()
{
    ServiceSecrets s;
    s.mysqlPassword = QStringLiteral("db#pw&1");
    s.fateboardPassword = QStringLiteral("board-secret-7");
    s.servingAdminPassword = QStringLiteral("admin-secret-9");
    s.notebookHashedPassword = QStringLiteral("sha1:abc:notebookhash");
    return s;
}

inline QByteArray text(const Bundle *b, const QString &path)
{
    if (!b)
        return "<no bundle>";
    const BundleFile *f = b->file(path);
    if (!f)
        return "<no file " + path.toUtf8() + '>';
    return f->bytes().value();
}

inline QStringList paths(const Bundle &b)
{
    QStringList out;
    for (const BundleFile &f : b.files)
        out << f.path;
    return out;
}

inline QStringList names(const RenderOutput &out)
{
    QStringList n;
    for (const Bundle &b : out.bundles)
        n << b.name;
    return n;
}

/// `docker-compose -f FILE config` on every bundle of @p out, written to a folder with its .env (the
/// environment's TAG, SERVING_TAG and RegistryURI removed): the first complaint, or empty. @p images
/// gets every `image:` line of the configurations compose printed.
inline QString composeConfigErrors(const RenderOutput &out, QList<QByteArray> *images = nullptr)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
    if (tool.isEmpty())
        return QStringLiteral("docker-compose is missing: run scripts/deps.sh test");
    QTemporaryDir dir;
    if (const Status s = BundleWriter::writeTree(out, dir.path()); !s)
        return s.error();
    for (const Bundle &b : out.bundles) {
        QProcess proc;
        proc.setWorkingDirectory(dir.filePath(b.name));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *v : {"TAG", "SERVING_TAG", "RegistryURI"})
            env.remove(QLatin1String(v));
        proc.setProcessEnvironment(env);
        proc.start(tool, {QStringLiteral("-f"), b.composeFile, QStringLiteral("config")});
        if (!proc.waitForFinished(60000) || proc.exitCode() != 0)
            return b.name + QLatin1String(": ") + QString::fromUtf8(proc.readAllStandardError());
        for (const QByteArray &line : proc.readAllStandardOutput().split('\n'))
            if (images && line.trimmed().startsWith("image:"))
                images->append(line.trimmed());
    }
    return {};
}

} // namespace FateDeployer
