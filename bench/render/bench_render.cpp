// SPDX-License-Identifier: Apache-2.0
// Benchmark (not a test): generates a KubeFATE 1.1.0 template tree of realistic size (~26 MB of examples/
// plus the confs), renders and packs 8 parties, and compares with `tar czf` of one party folder.
// Targets (issue 4): first party ≤ 1.5 × tar czf; each extra party ≤ 10 % of the first.
#include "archive/bundlepacker.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "render/templatesource.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace FateDeployer;

namespace {

void write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// CSV example data like FATE's (ids, labels, normalised floats): compresses about like the real files.
QByteArray csv(QRandomGenerator &rng, qint64 bytes, int columns)
{
    QByteArray out = "id,y";
    for (int c = 0; c < columns; ++c)
        out += ",x" + QByteArray::number(c);
    out += '\n';
    for (int row = 0; out.size() < bytes; ++row) {
        out += QByteArray::number(row) + ',' + QByteArray::number(rng.bounded(2));
        for (int c = 0; c < columns; ++c)
            out += ',' + QByteArray::number(rng.generateDouble() * 4 - 2, 'f', 6);
        out += '\n';
    }
    return out;
}

/// The fixture tree plus ~26 MB of generated examples and ~4.5 MB of FATE-Board static files.
QString makeTree(const QString &base)
{
    const QString fixture = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");
    const QString root = base + QStringLiteral("/kubefate");
    QDirIterator it(fixture, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString src = it.next();
        const QString dst = root + QLatin1Char('/') + QDir(fixture).relativeFilePath(src);
        QDir().mkpath(QFileInfo(dst).path());
        QFile::copy(src, dst);
    }
    QRandomGenerator rng(42);
    const QString ex = root + QStringLiteral("/docker-deploy/federatedml_examples");
    // data/: 36 CSV files, 25 MB in all (a few big ones, many small); examples/ ≈ 26 MB.
    for (int i = 0; i < 36; ++i) {
        const qint64 size = i < 4 ? 4'600'000 : (i < 12 ? 700'000 : 60'000);
        write(ex + QStringLiteral("/data/example_%1.csv").arg(i), csv(rng, size, i % 10 + 3));
    }
    // federatedml-1.x-examples/: 92 small job configs.
    for (int i = 0; i < 92; ++i)
        write(ex + QStringLiteral("/federatedml-1.x-examples/algo_%1/job_%2_conf.json").arg(i / 4).arg(i),
              "{\n  \"initiator\": {\"role\": \"guest\", \"party_id\": 10000},\n  \"job_parameters\": {\"work_mode\": "
                  + QByteArray::number(i % 2)
                  + "},\n  \"role_parameters\": {\"guest\": {\"args\": {\"data\": " + "{\"train_data\": [{\"name\": \"t"
                  + QByteArray::number(i) + "\", \"namespace\": \"ns\"}]}}}}\n}\n");
    for (int i = 0; i < 19; ++i)
        write(ex + QStringLiteral("/hetero_ftl/ftl_%1.py").arg(i),
              QByteArray("# generated\n").repeated(1) + csv(rng, 4000, 2));
    for (int i = 0; i < 4; ++i) {
        QByteArray img(200'000, Qt::Uninitialized); // images: incompressible
        for (qsizetype b = 0; b < img.size(); b += 4) {
            const quint32 v = rng.generate();
            memcpy(img.data() + b, &v, 4);
        }
        write(ex + QStringLiteral("/image/img_%1.png").arg(i), img);
    }
    for (int i = 0; i < 11; ++i)
        write(ex + QStringLiteral("/min_test_task/task_%1.json").arg(i), csv(rng, 2000, 2));
    // FATE-Board static files (~4.5 MB: minified js and fonts).
    const QString stat = root + QStringLiteral("/docker-deploy/docker-example-dir-tree/fateboard/conf/static");
    for (int i = 0; i < 8; ++i) {
        QByteArray js;
        while (js.size() < 450'000)
            js += "function f" + QByteArray::number(rng.bounded(100000)) + "(a,b){return a+b*"
                  + QByteArray::number(rng.bounded(1000)) + "};";
        write(stat + QStringLiteral("/js/chunk_%1.js").arg(i), js);
    }
    for (int i = 0; i < 4; ++i) {
        QByteArray font(250'000, Qt::Uninitialized);
        for (qsizetype b = 0; b < font.size(); b += 4) {
            const quint32 v = rng.generate() & 0x3f3f3f3f;
            memcpy(font.data() + b, &v, 4);
        }
        write(stat + QStringLiteral("/fonts/font_%1.woff").arg(i), font);
    }
    return root;
}

qint64 dirSize(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir tmp;
    const QString root = makeTree(tmp.path());
    Project project = Project::example();
    project.parties.clear();
    for (int i = 0; i < 8; ++i)
        project.parties.append(Party{10000 + i, QStringLiteral("10.0.0.%1").arg(i + 1), {}, {}, {}, {}});
    project.exchange.host = QStringLiteral("10.0.0.1");

    const Result<TemplateTree> tree = TemplateSources::openFolder(root);
    if (!tree)
        qFatal("%s", qPrintable(tree.error()));
    Result<RenderOutput> rendered = Renderer::render(project, tree.value());
    if (!rendered)
        qFatal("%s", qPrintable(rendered.error()));
    const QString written = tmp.filePath(QStringLiteral("written"));
    if (Status s = BundleWriter::writeTree(rendered.value(), written); !s)
        qFatal("%s", qPrintable(s.error()));
    const qint64 partyBytes = dirSize(written + QStringLiteral("/confs-10000"));
    std::printf("party tree: %lld bytes (examples/ %lld), %lld files\n",
                static_cast<long long>(partyBytes),
                static_cast<long long>(dirSize(written + QStringLiteral("/confs-10000/examples"))),
                static_cast<long long>(rendered->bundles.first().files.size()));

    const int rounds = 3;
    QList<double> tarMs, firstMs, extraMs;
    for (int round = 0; round < rounds; ++round) {
        // tar czf of one party folder (page cache warm for both sides).
        QElapsedTimer t;
        t.start();
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("czf"),
                   tmp.filePath(QStringLiteral("ref.tar.gz")),
                   QStringLiteral("-C"),
                   written,
                   QStringLiteral("confs-10000")});
        if (!tar.waitForFinished(-1) || tar.exitCode() != 0)
            qFatal("tar czf failed");
        tarMs << double(t.nsecsElapsed()) / 1e6;

        // Ours: render (all bundles) + pack the first party with a cold cache, then the other seven.
        const QString out = tmp.filePath(QStringLiteral("packed-%1").arg(round));
        QDir().mkpath(out);
        t.restart();
        Result<RenderOutput> r = Renderer::render(project, tree.value());
        PackCache cache;
        const QList<Bundle> &bundles = r->bundles;
        if (Status s = BundlePacker::packToFile(bundles.at(0), cache, out + QStringLiteral("/confs-10000.tar.gz")); !s)
            qFatal("%s", qPrintable(s.error()));
        firstMs << double(t.nsecsElapsed()) / 1e6;
        t.restart();
        for (int i = 1; i < 8; ++i)
            if (Status s = BundlePacker::packToFile(
                    bundles.at(i), cache, out + QLatin1Char('/') + bundles.at(i).name + QStringLiteral(".tar.gz"));
                !s)
                qFatal("%s", qPrintable(s.error()));
        extraMs << double(t.nsecsElapsed()) / 1e6 / 7;
    }
    const double tarM = median(tarMs), first = median(firstMs), extra = median(extraMs);
    std::printf("tar_czf_ms=%.1f (size %lld)\n",
                tarM,
                static_cast<long long>(QFileInfo(tmp.filePath(QStringLiteral("ref.tar.gz"))).size()));
    std::printf("first_party_ms=%.1f (size %lld)\n",
                first,
                static_cast<long long>(QFileInfo(tmp.filePath(QStringLiteral("packed-0/confs-10000.tar.gz"))).size()));
    std::printf("extra_party_ms=%.1f\n", extra);
    std::printf("first_party_vs_tar=%.3f\n", first / tarM);
    std::printf("extra_party_vs_first=%.3f\n", extra / first);
    return 0;
}
