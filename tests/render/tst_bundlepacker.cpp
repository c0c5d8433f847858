// SPDX-License-Identifier: Apache-2.0
#include "archive/bundlepacker.h"
#include "render/bundlewriter.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace FateDeployer;

namespace {

const QString Fixture = QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

RenderOutput render(const QString &root = Fixture, int parties = 2)
{
    Project p = Project::example();
    while (p.parties.size() < parties)
        p.parties.append(Party::make(20000 + int(p.parties.size()), QStringLiteral("10.1.0.%1").arg(p.parties.size())));
    Result<TemplateTree> tree = TemplateSources::openFolder(root);
    if (!tree)
        qFatal("%s", qPrintable(tree.error()));
    Result<RenderOutput> out = Renderer::render(p, tree.value());
    if (!out)
        qFatal("%s", qPrintable(out.error()));
    return out.value();
}

/// path → (mode, bytes) of every file under dir, and the list of folders.
QMap<QString, QPair<int, QByteArray>> snapshot(const QString &dir)
{
    QMap<QString, QPair<int, QByteArray>> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        int mode = 0;
        const auto p = info.permissions();
        mode |= p.testFlag(QFileDevice::ReadOwner) ? 0400 : 0;
        mode |= p.testFlag(QFileDevice::WriteOwner) ? 0200 : 0;
        mode |= p.testFlag(QFileDevice::ExeOwner) ? 0100 : 0;
        mode |= p.testFlag(QFileDevice::ReadGroup) ? 0040 : 0;
        mode |= p.testFlag(QFileDevice::ExeGroup) ? 0010 : 0;
        mode |= p.testFlag(QFileDevice::ReadOther) ? 0004 : 0;
        mode |= p.testFlag(QFileDevice::ExeOther) ? 0001 : 0;
        files.insert(QDir(dir).relativeFilePath(path), {mode, readAll(path)});
    }
    return files;
}

int run(const QString &program, const QStringList &args, const QString &cwd = {}, QByteArray *out = nullptr)
{
    QProcess p;
    if (!cwd.isEmpty())
        p.setWorkingDirectory(cwd);
    p.start(program, args);
    p.waitForFinished(120000);
    if (out)
        *out = p.readAllStandardOutput() + p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

class TestBundlePacker : public QObject
{
    Q_OBJECT

private slots:
    // Pack, unpack with GNU tar, compare with the tree the writer produced: bytes and modes.
    void roundTripWithGnuTar()
    {
        const RenderOutput out = render();
        QTemporaryDir dir;
        QVERIFY(BundleWriter::writeTree(out, dir.filePath(QStringLiteral("tree"))).ok());
        PackCache cache;
        for (const Bundle &b : out.bundles) {
            const QString archive = dir.filePath(b.name + QStringLiteral(".tar.gz"));
            const Status s = BundlePacker::packToFile(b, cache, archive);
            QVERIFY2(s.ok(), qPrintable(s.error()));
            const QString x = dir.filePath(QStringLiteral("x-") + b.name);
            QDir().mkpath(x);
            QByteArray log;
            QCOMPARE(run(QStringLiteral("tar"), {QStringLiteral("-xzf"), archive, QStringLiteral("-C"), x}, {}, &log),
                     0);
            QVERIFY2(log.isEmpty(), log.constData()); // no "trailing garbage" or other warnings
            QCOMPARE(QDir(x).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{b.name});
            const auto expected = snapshot(dir.filePath(QStringLiteral("tree/")) + b.name);
            const auto actual = snapshot(x + QLatin1Char('/') + b.name);
            QCOMPARE(actual.keys(), expected.keys());
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                QVERIFY2(actual.value(it.key()).second == it.value().second, qPrintable(it.key()));
                QVERIFY2(actual.value(it.key()).first == it.value().first, qPrintable(it.key()));
            }
            QVERIFY(actual.value(QStringLiteral("examples/federatedml-1.x-examples/hetero_linear_regression/"
                                                "test_hetero_linr_train_job_conf.json"))
                            .first
                        & 0100
                    || b.kind == Bundle::Kind::Exchange);
            // Listing: fixed mtime, root owner, paths under the bundle folder, gzip integrity.
            QByteArray listing;
            QCOMPARE(run(QStringLiteral("tar"),
                         {QStringLiteral("--numeric-owner"), QStringLiteral("-tvzf"), archive},
                         {},
                         &listing),
                     0);
            for (const QByteArray &line : listing.split('\n')) {
                if (line.isEmpty())
                    continue;
                QVERIFY2(line.contains(" 0/0 "), line.constData());
                QVERIFY2(line.contains(" 2020-01-01 00:00 ") || line.contains(" 2019-12-31 "), line.constData());
                QVERIFY2(line.contains(QByteArray(" " + b.name.toUtf8() + "/")), line.constData());
            }
            QCOMPARE(run(QStringLiteral("gzip"), {QStringLiteral("-t"), archive}), 0);
        }
    }

    // Same inputs → same bytes: twice with a warm cache, once with a cold one, through every API.
    void deterministic()
    {
        const RenderOutput out = render();
        const Bundle &b = out.bundles.first();
        PackCache warm;
        QByteArray first;
        QVERIFY(BundlePacker::pack(b, warm, [&](const char *d, qint64 n) {
                    first.append(d, n);
                    return true;
                }).ok());
        QBuffer second;
        second.open(QIODevice::WriteOnly);
        QVERIFY(BundlePacker::pack(b, warm, &second).ok());
        PackCache cold;
        QTemporaryDir dir;
        QVERIFY(BundlePacker::packToFile(b, cold, dir.filePath(QStringLiteral("a.tar.gz"))).ok());
        QCOMPARE(second.data(), first);
        QCOMPARE(readAll(dir.filePath(QStringLiteral("a.tar.gz"))), first);
        // A re-render of the same project packs to the same bytes.
        PackCache other;
        QByteArray again;
        QVERIFY(BundlePacker::pack(render().bundles.first(), other, [&](const char *d, qint64 n) {
                    again.append(d, n);
                    return true;
                }).ok());
        QCOMPARE(again, first);
    }

    // packToFile copies the shared members inside the kernel (copy_file_range) when the archive is on the
    // file system of the member store, and through a buffer when it is not (EXDEV): same bytes both ways.
    void packedOntoAnotherFileSystem()
    {
        const QString shm = QStringLiteral("/dev/shm");
        struct stat tmpSt = {}, shmSt = {};
        if (::stat(QFile::encodeName(QDir::tempPath()).constData(), &tmpSt) != 0
            || ::stat(QFile::encodeName(shm).constData(), &shmSt) != 0 || tmpSt.st_dev == shmSt.st_dev)
            QSKIP("needs /dev/shm on another file system than the temporary folder");
        const RenderOutput out = render();
        QTemporaryDir local;
        QTemporaryDir other(shm + QStringLiteral("/fd-pack-test-XXXXXX"));
        QVERIFY(local.isValid() && other.isValid());
        PackCache cache; // its member store is in QDir::tempPath()
        for (const Bundle &b : out.bundles) {
            QByteArray streamed;
            QVERIFY(BundlePacker::pack(b, cache, [&](const char *d, qint64 n) {
                        streamed.append(d, n);
                        return true;
                    }).ok());
            const QString here = local.filePath(b.name + QStringLiteral(".tar.gz"));
            const QString there = other.filePath(b.name + QStringLiteral(".tar.gz"));
            QVERIFY(BundlePacker::packToFile(b, cache, here).ok());
            QVERIFY(BundlePacker::packToFile(b, cache, there).ok());
            QCOMPARE(readAll(here), streamed);
            QCOMPARE(readAll(there), streamed);
        }
    }

    // The shared examples are compressed once: the second party costs (nearly) only its own files.
    void sharedPartCompressedOnce()
    {
        QTemporaryDir dir;
        // A template copy with a big incompressible example file.
        QVERIFY(run(QStringLiteral("cp"), {QStringLiteral("-a"), Fixture, dir.filePath(QStringLiteral("k"))}) == 0);
        QByteArray big(2 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (qsizetype i = 0; i < big.size(); i += 4) {
            const quint32 v = rng.generate();
            memcpy(big.data() + i, &v, 4);
        }
        QFile f(dir.filePath(QStringLiteral("k/docker-deploy/federatedml_examples/data/big.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(big);
        f.close();
        const RenderOutput out = render(dir.filePath(QStringLiteral("k")));
        PackCache cache;
        QByteArray a, b;
        QVERIFY(BundlePacker::pack(out.bundles.at(0), cache, [&](const char *d, qint64 n) {
                    a.append(d, n);
                    return true;
                }).ok());
        QVERIFY(BundlePacker::pack(out.bundles.at(1), cache, [&](const char *d, qint64 n) {
                    b.append(d, n);
                    return true;
                }).ok());
        // The big file's member appears byte-identical in both streams.
        const QByteArray probe = a.mid(a.size() / 2, 4096);
        QVERIFY(b.contains(probe));
        const QString x = dir.filePath(QStringLiteral("x"));
        QDir().mkpath(x);
        QFile out2(dir.filePath(QStringLiteral("b.tar.gz")));
        QVERIFY(out2.open(QIODevice::WriteOnly));
        out2.write(b);
        out2.close();
        QCOMPARE(run(QStringLiteral("tar"), {QStringLiteral("-xzf"), out2.fileName(), QStringLiteral("-C"), x}), 0);
        QCOMPARE(readAll(x + QStringLiteral("/confs-9999/examples/data/big.bin")), big);
    }

    // Streaming: many small chunks, never the whole bundle at once; a refusing sink stops packing.
    void streamingSinkAndErrors()
    {
        const RenderOutput out = render();
        PackCache cache;
        qint64 biggest = 0, total = 0;
        QList<qint64> progress;
        QVERIFY(BundlePacker::pack(
                    out.bundles.first(),
                    cache,
                    [&](const char *, qint64 n) {
                        biggest = std::max(biggest, n);
                        total += n;
                        return true;
                    },
                    [&](qint64 done, qint64 all) {
                        QCOMPARE(all, out.bundles.first().totalSize());
                        progress << done;
                    })
                    .ok());
        QVERIFY(biggest <= 256 * 1024);
        QCOMPARE(progress.last(), out.bundles.first().totalSize());
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));

        qint64 accepted = 0;
        const Status refused = BundlePacker::pack(out.bundles.first(), cache, [&](const char *, qint64 n) {
            accepted += n;
            return accepted < total / 2;
        });
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().contains(QLatin1String("destination")), qPrintable(refused.error()));

        std::atomic_bool cancel = true;
        const Status cancelled = BundlePacker::pack(
            out.bundles.first(), cache, [](const char *, qint64) { return true; }, {}, &cancel);
        QVERIFY(cancelled.error().contains(QLatin1String("cancelled")));

        // packToFile leaves no file behind on failure.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.tar.gz"));
        QVERIFY(!BundlePacker::packToFile(out.bundles.first(), cache, path, {}, &cancel).ok());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }

    // A template file that changed after rendering is not packed with a wrong size.
    void changedSourceDetected()
    {
        RenderOutput out = render();
        Bundle b = out.bundles.first();
        for (BundleFile &f : b.files)
            if (f.isVerbatim())
                f.size += 1;
        PackCache cache;
        const Status s = BundlePacker::pack(b, cache, [](const char *, qint64) { return true; });
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QLatin1String("render again")), qPrintable(s.error()));
    }

    // The worker-thread job: progress to 1000, files in place, cancel works.
    void packJob()
    {
        const RenderOutput out = render();
        QTemporaryDir dir;
        {
            PackJob job;
            QFutureWatcher<QString> watcher;
            QSignalSpy progress(&watcher, &QFutureWatcher<QString>::progressValueChanged);
            QSignalSpy finished(&watcher, &QFutureWatcher<QString>::finished);
            watcher.setFuture(job.start(out, dir.path()));
            QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
            QCOMPARE(watcher.result(), QString());
            QCOMPARE(watcher.future().progressValue(), 1000);
            for (const Bundle &b : out.bundles)
                QVERIFY(QFile::exists(dir.filePath(b.name + QStringLiteral(".tar.gz"))));
        }
        {
            QTemporaryDir dir2;
            PackJob job;
            QFuture<QString> f = job.start(out, dir2.path());
            f.cancel();
            f.waitForFinished();
            QVERIFY(f.isCanceled());
        }
    }
};

QTEST_GUILESS_MAIN(TestBundlePacker)
#include "tst_bundlepacker.moc"
