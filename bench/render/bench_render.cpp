// SPDX-License-Identifier: Apache-2.0
// Benchmark (not a test): renders and packs 8 parties of a KubeFATE 1.1.0 tree of real size — KubeFATE's
// own tree when FD_KUBEFATE_SRC names its repository, else a generated one (~26 MB of examples/ plus the
// confs) — and compares with `tar czf` of one party folder, cold (empty bundle cache) and warm (the same
// federation again: what a second deploy costs), and prints the gzip levels' time and size.
// Targets (issue 14): first party ≤ 0.8 × tar czf (cold); each extra party ≤ 10 % of the first (the slope
// between 8 and 4 parties); an unchanged federation again ≤ 2 % of its cold render + pack. The v1.11.2 and
// v2.0.0 cases (issue 15) print the same keys with their tag as prefix.
#include "archive/bundlecache.h"
#include "archive/bundlepacker.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

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

struct Packed
{
    double firstMs = 0, federationMs = 0;
    qsizetype bundles = 0;
};

/// What BundlePrep::prepare does for a deploy of the whole federation: render (or reuse the render of
/// an unchanged project and template tree), then per bundle its content key and either the cached
/// archive or a fresh pack (then cached).
Packed renderAndPack(const Project &project,
                     const TemplateTree &tree,
                     const QString &cacheDir,
                     const QString &out,
                     int level = PackCache::DefaultLevel)
{
    QDir().mkpath(out);
    Packed p;
    QElapsedTimer t;
    t.start();
    BundleCache cache(cacheDir);
    bool reused = false;
    Result<RenderOutput> r = cache.render(project, tree, &reused); // as BundlePrep::prepare
    if (!r)
        qFatal("%s", qPrintable(r.error()));
    if (qEnvironmentVariableIsSet("FD_BENCH_VERBOSE"))
        std::printf("  render_ms=%.1f%s\n", double(t.nsecsElapsed()) / 1e6, reused ? " (reused)" : "");
    PackCache members(level);
    const QList<Bundle> &bundles = r->bundles;
    for (int i = 0; i < bundles.size(); ++i) {
        const Bundle &b = bundles.at(i);
        const QString path = out + QLatin1Char('/') + b.name + QStringLiteral(".tar.gz");
        const Result<QString> key = cache.key(b, members.level());
        if (!key)
            qFatal("%s", qPrintable(key.error()));
        if (!cache.fetch(key.value(), path)) {
            if (Status s = BundlePacker::packToFile(b, members, path); !s)
                qFatal("%s", qPrintable(s.error()));
            cache.store(key.value(), path);
        }
        if (i == 0)
            p.firstMs = double(t.nsecsElapsed()) / 1e6;
    }
    const qint64 beforeFlush = t.nsecsElapsed();
    cache.flush(); // what the deploy's cache writes (entries, render, hashes) is part of the cost
    if (qEnvironmentVariableIsSet("FD_BENCH_VERBOSE"))
        std::printf("  packed_ms=%.1f flush_ms=%.1f\n",
                    double(beforeFlush) / 1e6,
                    double(t.nsecsElapsed() - beforeFlush) / 1e6);
    p.federationMs = double(t.nsecsElapsed()) / 1e6;
    p.bundles = bundles.size();
    return p;
}

// Five, not three: an extra party is the difference of two medians (federations of about 450 ms in 1.1.0,
// 20 ms in v1.11), and with three rounds it moved from 0.064 to 0.106 of the first party between runs.
constexpr int RoundCount = 5;

/// Medians over RoundCount rounds of: tar czf of one party folder (the baseline), then the whole federation
/// rendered and packed with an empty bundle cache (cold) and again with the same cache folder read by a new
/// cache object (warm), as the next deploy's process would; and cold again for @p half, the same federation
/// with half the parties. An extra party's cost is the slope between the two cold runs, per bundle: the
/// per-deploy costs (rendering, the cache's one batch to disk) are the same for both and stay out of it.
/// File names in @p tmp start with @p prefix.
struct Rounds
{
    double tarMs = 0, firstMs = 0, extraMs = 0, coldMs = 0, warmMs = 0;
};

Rounds measure(const Project &project,
               const Project &half,
               const TemplateTree &tree,
               const QString &written,
               QTemporaryDir &tmp,
               const QString &prefix)
{
    QList<double> tarMs, firstMs, coldMs, warmMs, halfMs;
    qsizetype bundles = 0, halfBundles = 0;
    for (int round = 0; round < RoundCount; ++round) {
        QElapsedTimer t;
        t.start();
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("czf"),
                   tmp.filePath(prefix + QStringLiteral("ref.tar.gz")),
                   QStringLiteral("-C"),
                   written,
                   QStringLiteral("confs-10000")});
        if (!tar.waitForFinished(-1) || tar.exitCode() != 0)
            qFatal("tar czf failed");
        tarMs << double(t.nsecsElapsed()) / 1e6;
        const QString cacheDir = tmp.filePath(prefix + QStringLiteral("cache-%1").arg(round));
        const QString coldDir = tmp.filePath(prefix + QStringLiteral("cold-%1").arg(round));
        const QString warmDir = tmp.filePath(prefix + QStringLiteral("warm-%1").arg(round));
        const Packed cold = renderAndPack(project, tree, cacheDir, coldDir);
        const Packed warm = renderAndPack(project, tree, cacheDir, warmDir);
        const Packed small = renderAndPack(half,
                                           tree,
                                           tmp.filePath(prefix + QStringLiteral("half-cache-%1").arg(round)),
                                           tmp.filePath(prefix + QStringLiteral("half-%1").arg(round)));
        firstMs << cold.firstMs;
        coldMs << cold.federationMs;
        halfMs << small.federationMs;
        bundles = cold.bundles;
        halfBundles = small.bundles;
        warmMs << warm.federationMs;
        for (const QString &f : QDir(warmDir).entryList(QDir::Files))
            if (QFileInfo(warmDir + QLatin1Char('/') + f).size() != QFileInfo(coldDir + QLatin1Char('/') + f).size())
                qFatal("warm archive %s differs from the cold one", qPrintable(f));
    }
    const double extraMs = (median(coldMs) - median(halfMs)) / double(bundles - halfBundles);
    return {median(tarMs), median(firstMs), extraMs, median(coldMs), median(warmMs)};
}

/// The first half of @p project's parties (and its exchange).
Project halfOf(const Project &project)
{
    Project half = project;
    half.parties.resize(project.parties.size() / 2);
    return half;
}

/// One later era's case (issue 15): @p tag "v1.11.2" or "v2.0.0", keys printed with that prefix; 8 parties
/// with serving each and an exchange, from KubeFATE's own tree of the tag when FD_KUBEFATE_SRC is set, else
/// our stand-in tree. A v1.11 party bundle is small (no example data), so the per-deploy costs weigh more
/// than in 1.1.0. v2.0 renders no exchange (docs/render.md), so its federation is 8 parties + 8 serving.
void benchEra(QTemporaryDir &tmp, const QString &tag)
{
    const QString version = tag.mid(1);
    const QByteArray key = tag.toUtf8();
    const char *k = key.constData();
    QString root = QStringLiteral(FD_TEST_DATA "/kubefate-") + version;
    if (const QString src = qEnvironmentVariable("FD_KUBEFATE_SRC"); !src.isEmpty()) {
        root = tmp.filePath(QStringLiteral("kubefate-") + tag);
        QProcess x;
        x.start(QStringLiteral(FD_SOURCE_DIR "/tests/conformance/conformance.sh"),
                {QStringLiteral("--src"), src, QStringLiteral("--tag"), tag, QStringLiteral("--extract"), root});
        if (!x.waitForFinished(-1) || x.exitCode() != 0)
            qFatal("cannot read tag %s from FD_KUBEFATE_SRC=%s", k, qPrintable(src));
        std::printf("%s_tree=KubeFATE %s from %s\n", k, k, qPrintable(src));
    } else {
        std::printf("%s_tree=tests/data/kubefate-%s (FD_KUBEFATE_SRC unset)\n", k, qPrintable(version));
    }
    Project project = Project::example();
    project.setKubefateVersion(version);
    project.images.tag = version + QStringLiteral("-release");
    project.parties.clear();
    for (int i = 0; i < 8; ++i) {
        Party party;
        party.id = 10000 + i;
        party.host = QStringLiteral("10.0.0.%1").arg(i + 1);
        party.servingHost = party.host;
        project.parties.append(party);
    }
    project.exchange.enabled = true;
    project.exchange.host = QStringLiteral("10.0.0.100");
    const Result<TemplateTree> tree = TemplateSources::openFolder(root);
    if (!tree)
        qFatal("%s", qPrintable(tree.error()));
    Result<RenderOutput> rendered = Renderer::render(project, tree.value());
    if (!rendered)
        qFatal("%s", qPrintable(rendered.error()));
    const QString written = tmp.filePath(tag + QStringLiteral("-written"));
    if (Status s = BundleWriter::writeTree(rendered.value(), written); !s)
        qFatal("%s", qPrintable(s.error()));
    std::printf("%s_party_tree: %lld bytes, %lld files; %lld bundles\n",
                k,
                static_cast<long long>(dirSize(written + QStringLiteral("/confs-10000"))),
                static_cast<long long>(rendered->bundles.first().files.size()),
                static_cast<long long>(rendered->bundles.size()));
    const Rounds m = measure(project, halfOf(project), tree.value(), written, tmp, tag + QLatin1Char('-'));
    std::printf(
        "%s_tar_czf_ms=%.1f %s_first_party_ms=%.1f %s_extra_party_ms=%.1f\n", k, m.tarMs, k, m.firstMs, k, m.extraMs);
    std::printf("%s_federation_cold_ms=%.1f %s_federation_warm_ms=%.1f (8 parties%s + 8 serving)\n",
                k,
                m.coldMs,
                k,
                m.warmMs,
                rendered->bundle(QStringLiteral("confs-exchange")) ? " + exchange" : "");
    std::printf("%s_first_party_vs_tar=%.3f\n", k, m.firstMs / m.tarMs);
    std::printf("%s_extra_party_vs_first=%.3f\n", k, m.extraMs / m.firstMs);
    std::printf("%s_warm_vs_cold=%.3f\n", k, m.warmMs / m.coldMs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir tmp;
    QString root;
    if (const QString src = qEnvironmentVariable("FD_KUBEFATE_SRC"); !src.isEmpty()) {
        root = tmp.filePath(QStringLiteral("kubefate"));
        QProcess x;
        x.start(QStringLiteral(FD_SOURCE_DIR "/tests/conformance/conformance.sh"),
                {QStringLiteral("--src"),
                 src,
                 QStringLiteral("--tag"),
                 QStringLiteral("1.1.0"),
                 QStringLiteral("--extract"),
                 root});
        if (!x.waitForFinished(-1) || x.exitCode() != 0)
            qFatal("cannot read tag 1.1.0 from FD_KUBEFATE_SRC=%s", qPrintable(src));
        std::printf("tree=KubeFATE 1.1.0 from %s\n", qPrintable(src));
    } else {
        root = makeTree(tmp.path());
        std::printf("tree=generated (FD_KUBEFATE_SRC unset)\n");
    }
    Project project = Project::example();
    project.parties.clear();
    for (int i = 0; i < 8; ++i)
        project.parties.append(Party::make(10000 + i, QStringLiteral("10.0.0.%1").arg(i + 1)));
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
    const Rounds r110 = measure(project, halfOf(project), tree.value(), written, tmp, QString());
    // gzip levels: one party packed cold at each level; what it costs with the upload on a LAN.
    std::printf("gzip levels (first party, cold; + upload at 100 Mbit/s and 1 Gbit/s):\n");
    for (int level : {1, 3, 6, 9}) {
        QList<double> ms;
        qint64 bytes = 0;
        for (int round = 0; round < rounds; ++round) {
            const QString out = tmp.filePath(QStringLiteral("level-%1-%2").arg(level).arg(round));
            QDir().mkpath(out);
            QElapsedTimer t;
            t.start();
            Result<RenderOutput> r = Renderer::render(project, tree.value());
            PackCache members(level);
            if (Status s = BundlePacker::packToFile(r->bundles.at(0), members, out + QStringLiteral("/p.tar.gz")); !s)
                qFatal("%s", qPrintable(s.error()));
            ms << double(t.nsecsElapsed()) / 1e6;
            bytes = QFileInfo(out + QStringLiteral("/p.tar.gz")).size();
        }
        const double m = median(ms);
        std::printf("  level=%d pack_ms=%.0f bytes=%lld total_100mbit_ms=%.0f total_1gbit_ms=%.0f\n",
                    level,
                    m,
                    static_cast<long long>(bytes),
                    m + double(bytes) / 12.5e6 * 1000,
                    m + double(bytes) / 125e6 * 1000);
    }
    std::printf("tar_czf_ms=%.1f (size %lld)\n",
                r110.tarMs,
                static_cast<long long>(QFileInfo(tmp.filePath(QStringLiteral("ref.tar.gz"))).size()));
    std::printf("first_party_ms=%.1f (size %lld)\n",
                r110.firstMs,
                static_cast<long long>(QFileInfo(tmp.filePath(QStringLiteral("cold-0/confs-10000.tar.gz"))).size()));
    std::printf("extra_party_ms=%.1f\n", r110.extraMs);
    std::printf("federation_cold_ms=%.1f federation_warm_ms=%.1f (8 parties + exchange)\n", r110.coldMs, r110.warmMs);
    std::printf("first_party_vs_tar=%.3f\n", r110.firstMs / r110.tarMs);
    std::printf("extra_party_vs_first=%.3f\n", r110.extraMs / r110.firstMs);
    std::printf("warm_vs_cold=%.3f\n", r110.warmMs / r110.coldMs);
    benchEra(tmp, QStringLiteral("v1.11.2"));
    benchEra(tmp, QStringLiteral("v2.0.0"));
    return 0;
}
