// SPDX-License-Identifier: Apache-2.0
#include "archive/bundlecache.h"
#include "archive/bundlepacker.h"
#include "jobs/bundleprep.h"
#include "render/renderer.h"
#include "templates/templatesource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/stat.h>
#include <utime.h>

using namespace FateDeployer;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A private copy of a stand-in template tree, so files can be changed.
QString copyFixture(const QString &dest, const QString &version = QStringLiteral("1.1.0"))
{
    QProcess cp;
    cp.start(QStringLiteral("cp"), {QStringLiteral("-a"), QStringLiteral(FD_TEST_DATA "/kubefate-") + version, dest});
    cp.waitForFinished(60000);
    return dest;
}

Project project(const QString &tree, const QString &secondAddress = QStringLiteral("10.1.0.2"))
{
    Project p = Project::example();
    p.templates.kind = TemplateSource::Kind::Folder;
    p.templates.location = tree;
    p.parties[1].host = secondAddress;
    return p;
}

RenderOutput render(const Project &p)
{
    Result<TemplateTree> tree = TemplateSources::openFolder(p.templates.location);
    if (!tree)
        qFatal("%s", qPrintable(tree.error()));
    Result<RenderOutput> out = Renderer::render(p, tree.value());
    if (!out)
        qFatal("%s", qPrintable(out.error()));
    return out.value();
}

/// The first verbatim (template-copied) file of a bundle at least this big.
const BundleFile *verbatimFile(const Bundle &b)
{
    for (const BundleFile &f : b.files)
        if (f.isVerbatim() && f.size > 16)
            return &f;
    return nullptr;
}

bool sameRender(const RenderOutput &a, const RenderOutput &b)
{
    if (a.templateRoot != b.templateRoot || a.kubefateVersion != b.kubefateVersion
        || a.missingSecrets != b.missingSecrets || a.bundles.size() != b.bundles.size())
        return false;
    for (qsizetype i = 0; i < a.bundles.size(); ++i) {
        const Bundle &x = a.bundles.at(i), &y = b.bundles.at(i);
        if (x.kind != y.kind || x.name != y.name || x.partyId != y.partyId || x.host != y.host
            || x.targetDir != y.targetDir || x.composeFile != y.composeFile || x.emptyDirs != y.emptyDirs
            || x.files.size() != y.files.size() || x.facts.services != y.facts.services
            || x.facts.images != y.facts.images || x.facts.ports != y.facts.ports
            || x.facts.dataPaths != y.facts.dataPaths)
            return false;
        for (qsizetype j = 0; j < x.files.size(); ++j) {
            const BundleFile &f = x.files.at(j), &g = y.files.at(j);
            if (f.path != g.path || f.content != g.content || f.sourcePath != g.sourcePath || f.mode != g.mode
                || f.size != g.size)
                return false;
        }
    }
    return true;
}

/// What the cache gives for @p p now (render, reused or not, and every bundle's content key) against the
/// truth: a fresh render and keys from an empty cache.
struct Served
{
    bool reused = false;
    bool matchesFresh = false;
    QStringList keys;
};

Served serve(const QString &cacheDir, const Project &p, const QString &scratch)
{
    Served s;
    const TemplateTree tree = TemplateSources::openFolder(p.templates.location).value();
    RenderOutput out;
    {
        BundleCache cache(cacheDir);
        Result<RenderOutput> r = cache.render(p, tree, &s.reused);
        if (!r)
            qFatal("%s", qPrintable(r.error()));
        out = r.value();
        for (const Bundle &b : std::as_const(out.bundles))
            s.keys.append(cache.key(b, PackCache::DefaultLevel).value());
    }
    QStringList freshKeys;
    {
        QDir(scratch).removeRecursively();
        BundleCache fresh(scratch);
        const RenderOutput truth = render(p);
        for (const Bundle &b : truth.bundles)
            freshKeys.append(fresh.key(b, PackCache::DefaultLevel).value());
        s.matchesFresh = sameRender(out, truth) && freshKeys == s.keys;
    }
    return s;
}

/// Serves @p p twice into the empty cache @p dir: rendered the first time, reused the second, both equal to a
/// fresh render. Callers return when QTest::currentTestFailed().
void serveColdThenWarm(const QString &dir, const Project &p, const QString &scratch, Served &cold, Served &warm)
{
    cold = serve(dir, p, scratch);
    QVERIFY(!cold.reused);
    QVERIFY(cold.matchesFresh);
    warm = serve(dir, p, scratch);
    QVERIFY(warm.reused);
    QVERIFY(warm.matchesFresh);
}

/// Sets a file's mtime (and atime) to @p seconds: a content edit that keeps size and mtime.
void setMtime(const QString &path, qint64 seconds)
{
    const struct utimbuf t = {time_t(seconds), time_t(seconds)};
    QCOMPARE(::utime(QFile::encodeName(path).constData(), &t), 0);
}

ino_t inode(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

} // namespace

class TestBundleCache : public QObject
{
    Q_OBJECT

private slots:
    void keyFollowsContentNotRenderRuns()
    {
        QTemporaryDir tmp;
        const QString tree = copyFixture(tmp.filePath(QStringLiteral("tree")));
        BundleCache cache(tmp.filePath(QStringLiteral("cache")));
        QVERIFY(cache.isEnabled());
        const RenderOutput a = render(project(tree));
        const RenderOutput b = render(project(tree));
        const Bundle *partyA = a.bundle(QStringLiteral("confs-10000"));
        const Bundle *partyB = b.bundle(QStringLiteral("confs-10000"));
        QVERIFY(partyA && partyB);
        const QString k1 = cache.key(*partyA, 6).value();
        QCOMPARE(k1.size(), 64);
        QCOMPARE(cache.key(*partyB, 6).value(), k1);
        QVERIFY(cache.key(*partyA, 1).value() != k1); // the gzip level is part of the content
        QVERIFY(cache.key(*a.bundle(QStringLiteral("confs-9999")), 6).value() != k1);

        // Another address for party 9999 changes the exchange's route table, not party 10000's files.
        const RenderOutput moved = render(project(tree, QStringLiteral("10.1.0.77")));
        QCOMPARE(cache.key(*moved.bundle(QStringLiteral("confs-10000")), 6).value(), k1);
        QVERIFY(cache.key(*moved.bundle(QStringLiteral("exchange")), 6).value()
                != cache.key(*a.bundle(QStringLiteral("exchange")), 6).value());
    }

    void changedTemplateFileChangesTheKeyEvenWithTheSameSizeAndMtime()
    {
        QTemporaryDir tmp;
        const QString tree = copyFixture(tmp.filePath(QStringLiteral("tree")));
        BundleCache cache(tmp.filePath(QStringLiteral("cache")));
        const RenderOutput before = render(project(tree));
        const Bundle &party = *before.bundle(QStringLiteral("confs-10000"));
        const BundleFile *f = verbatimFile(party);
        QVERIFY2(f, "the fixture bundle has no verbatim file");
        const QString k1 = cache.key(party, 6).value();

        // Same size, same mtime, one byte different: only ctime (and the bytes) tell.
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(f->sourcePath).constData(), &st), 0);
        QByteArray bytes = readAll(f->sourcePath);
        bytes[0] = bytes.at(0) == 'x' ? 'y' : 'x';
        {
            QFile out(f->sourcePath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QCOMPARE(out.write(bytes), bytes.size());
        }
        struct utimbuf times = {st.st_atime, st.st_mtime};
        QCOMPARE(::utime(QFile::encodeName(f->sourcePath).constData(), &times), 0);

        const RenderOutput after = render(project(tree));
        QVERIFY(cache.key(*after.bundle(QStringLiteral("confs-10000")), 6).value() != k1);
        // and a fresh cache object (memo read back from disk) agrees
        BundleCache again(tmp.filePath(QStringLiteral("cache")));
        QCOMPARE(again.key(*after.bundle(QStringLiteral("confs-10000")), 6).value(),
                 cache.key(*after.bundle(QStringLiteral("confs-10000")), 6).value());
    }

    void rememberedHashesAreUsedWhileTheFileIsUnchanged()
    {
        // Proves the stat memo is consulted: a memo line that lies about an unchanged file's hash
        // changes the key, and a fresh cache folder does not have it.
        QTemporaryDir tmp;
        const QString tree = copyFixture(tmp.filePath(QStringLiteral("tree")));
        const RenderOutput out = render(project(tree));
        const Bundle &party = *out.bundle(QStringLiteral("confs-10000"));
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        QString honest;
        {
            BundleCache cache(dir);
            honest = cache.key(party, 6).value();
        }
        QFile memo(dir + QStringLiteral("/hashes.tsv"));
        QVERIFY(memo.open(QIODevice::ReadOnly));
        QByteArray lines = memo.readAll();
        memo.close();
        QVERIFY(lines.count('\n') >= 1);
        const QByteArray firstHash = lines.left(64);
        lines.replace(firstHash, QByteArray(64, 'a'));
        QVERIFY(memo.open(QIODevice::WriteOnly | QIODevice::Truncate));
        memo.write(lines);
        memo.close();
        BundleCache lied(dir);
        QVERIFY(lied.key(party, 6).value() != honest);
        BundleCache fresh(tmp.filePath(QStringLiteral("fresh")));
        QCOMPARE(fresh.key(party, 6).value(), honest);
    }

    void fetchGivesTheBytesOfAFreshPack()
    {
        QTemporaryDir tmp;
        BundleCache cache(tmp.filePath(QStringLiteral("cache")));
        const RenderOutput out = render(project(QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0")));
        const Bundle &party = *out.bundle(QStringLiteral("confs-9999"));
        PackCache members;
        const QString packed = tmp.filePath(QStringLiteral("packed.tar.gz"));
        QVERIFY(BundlePacker::packToFile(party, members, packed));
        const QString key = cache.key(party, members.level()).value();
        const QString got = tmp.filePath(QStringLiteral("got.tar.gz"));
        QVERIFY(!cache.fetch(key, got));
        cache.store(key, packed);
        QVERIFY(cache.fetch(key, got));
        QCOMPARE(readAll(got), readAll(packed));
        QVERIFY(!readAll(got).isEmpty());
    }

    void prepareReusesPackedBundles()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        qputenv("FD_BUNDLE_CACHE", dir.toLocal8Bit());
        const Project p = project(QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0"));
        RunSettings deploy;
        deploy.operation = Operation::Deploy;
        Plan plan1 = PlanBuilder::build(p, {}, deploy);
        QVERIFY(BundlePrep::prepare(p, QString(), tmp.filePath(QStringLiteral("out1")), plan1));
        Plan plan2 = PlanBuilder::build(p, {}, deploy);
        QVERIFY(BundlePrep::prepare(p, QString(), tmp.filePath(QStringLiteral("out2")), plan2));
        qunsetenv("FD_BUNDLE_CACHE");
        const QStringList entries = QDir(dir).entryList({QStringLiteral("*.tar.gz")}, QDir::Files);
        QCOMPARE(entries.size(), plan1.jobs.size());
        for (int i = 0; i < plan1.jobs.size(); ++i) {
            const QString a = plan1.jobs.at(i).bundle.archivePath, b = plan2.jobs.at(i).bundle.archivePath;
            QVERIFY(a != b);
            QCOMPARE(readAll(a), readAll(b));
            // the second run packed nothing: its archive is the cache's file (a hard link here)
            QCOMPARE(inode(b), inode(a));
        }
    }

    void unchangedFederationIsNotRenderedAgain()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const Project p = project(copyFixture(tmp.filePath(QStringLiteral("tree"))));
        Served cold, warm;
        serveColdThenWarm(dir, p, tmp.filePath(QStringLiteral("scratch")), cold, warm);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(warm.keys, cold.keys);
        // the warm render's keys came from the remembered render: no file hash was needed, so the hash
        // memo stayed unread (a bundle's key with the memo removed is still served)
        QVERIFY(QFile::remove(dir + QStringLiteral("/hashes.tsv")));
        const Served again = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(again.reused);
        QVERIFY(again.matchesFresh);
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/hashes.tsv")));
    }

    void laterEraRenderIsServedWhole()
    {
        // A v1.11 render has what 1.1.0's lacks (serving and exchange bundles, folders shipped empty, the
        // passwords it was not given): a reused one must give all of it back, non-ASCII text included.
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        Project p = Project::example();
        p.setKubefateVersion(QStringLiteral("1.11.2"));
        p.templates.kind = TemplateSource::Kind::Folder;
        p.templates.location
            = copyFixture(tmp.filePath(QStringLiteral("tree-\u00e9t\u00e9")), QStringLiteral("1.11.2"));
        p.parties[1].host = QStringLiteral("10.1.0.2");
        for (Party &party : p.parties)
            party.servingHost = party.host;
        p.exchange.enabled = true;
        p.baseDir = QStringLiteral("/data/projects/fate-\u8054\u90a6");
        Served cold, warm;
        serveColdThenWarm(dir, p, tmp.filePath(QStringLiteral("scratch")), cold, warm);
        if (QTest::currentTestFailed())
            return;
        // what the comparison covers is really there
        const RenderOutput truth = render(p);
        QVERIFY(!truth.missingSecrets.isEmpty());
        QVERIFY(std::any_of(
            truth.bundles.cbegin(), truth.bundles.cend(), [](const Bundle &b) { return !b.emptyDirs.isEmpty(); }));
        QVERIFY(truth.bundle(QStringLiteral("serving-10000")));
        QVERIFY(truth.bundles.first().targetDir.contains(QStringLiteral("\u8054\u90a6")));
    }

    void damagedRenderEntryIsRenderedAgain_data()
    {
        QTest::addColumn<int>("keep");
        QTest::newRow("empty") << 0;
        QTest::newRow("tag only") << 20;
        QTest::newRow("half") << -2;
        QTest::newRow("last byte missing") << -1;
        QTest::newRow("second half overwritten") << -3; // numbers of strings not read yet, lengths past the end
    }

    void damagedRenderEntryIsRenderedAgain()
    {
        // What a full disk or a foreign copy can leave: a short entry is never served, and the render is
        // made again (and remembered whole).
        QFETCH(int, keep);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const Project p = project(copyFixture(tmp.filePath(QStringLiteral("tree"))));
        QVERIFY(!serve(dir, p, tmp.filePath(QStringLiteral("scratch"))).reused);
        const QStringList entries = QDir(dir + QStringLiteral("/renders")).entryList(QDir::Files);
        QCOMPARE(entries.size(), 1);
        const QString entry = dir + QStringLiteral("/renders/") + entries.first();
        QFile f(entry);
        const qint64 size = f.size();
        QVERIFY(size > 1000);
        if (keep == -3) {
            QVERIFY(f.open(QIODevice::ReadWrite) && f.seek(size / 2));
            QCOMPARE(f.write(QByteArray(size - size / 2, '\xff')), size - size / 2);
            f.close();
        } else {
            QVERIFY(f.resize(keep == -1 ? size - 1 : (keep == -2 ? size / 2 : keep)));
        }
        const Served again = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(!again.reused);
        QVERIFY(again.matchesFresh);
        QCOMPARE(QFileInfo(entry).size(), size);
        QVERIFY(serve(dir, p, tmp.filePath(QStringLiteral("scratch"))).reused);
    }

    void touchedTemplateWithoutChangeIsStillReused()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const QString tree = copyFixture(tmp.filePath(QStringLiteral("tree")));
        const Project p = project(tree);
        QVERIFY(!serve(dir, p, tmp.filePath(QStringLiteral("scratch"))).reused);
        setMtime(tree + QStringLiteral("/docker-deploy/docker-compose.yml"), 1700000000);
        setMtime(tree + QStringLiteral("/docker-deploy/federatedml_examples/data/small.csv"), 1700000000);
        const Served touched = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(touched.reused); // the content key decided
        QVERIFY(touched.matchesFresh);
        const Served again = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(again.reused);
        QVERIFY(again.matchesFresh);
    }

    void changedTemplateTreeIsRenderedAgain_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("compose template edited") << QStringLiteral("compose");
        QTest::newRow("copied file edited, same size and mtime") << QStringLiteral("same-size");
        QTest::newRow("copied file replaced by a rename, same size and mtime") << QStringLiteral("rename-over");
        QTest::newRow("copied file made executable") << QStringLiteral("chmod");
        QTest::newRow("file added") << QStringLiteral("add");
        QTest::newRow("file added in a new folder") << QStringLiteral("add-folder");
        QTest::newRow("file removed") << QStringLiteral("remove");
    }

    void changedTemplateTreeIsRenderedAgain()
    {
        QFETCH(QString, change);
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const QString tree = copyFixture(tmp.filePath(QStringLiteral("tree")));
        const Project p = project(tree);
        const Served cold = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(!cold.reused);
        const QString compose = tree + QStringLiteral("/docker-deploy/docker-compose.yml");
        const QString copied = tree + QStringLiteral("/docker-deploy/federatedml_examples/data/small.csv");
        if (change == QLatin1String("compose")) {
            QFile f(compose);
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n# edited\n");
        } else if (change == QLatin1String("same-size")) {
            struct stat before = {};
            QCOMPARE(::stat(QFile::encodeName(copied).constData(), &before), 0);
            QByteArray bytes = readAll(copied);
            QVERIFY(bytes.size() > 8);
            bytes[4] = bytes.at(4) == 'x' ? 'y' : 'x';
            QFile f(copied);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(bytes), bytes.size());
            f.close();
            setMtime(copied, before.st_mtim.tv_sec);         // only ctime and content tell
        } else if (change == QLatin1String("rename-over")) { // an editor's atomic save
            struct stat before = {};
            QCOMPARE(::stat(QFile::encodeName(copied).constData(), &before), 0);
            QByteArray bytes = readAll(copied);
            QVERIFY(bytes.size() > 8);
            bytes[4] = bytes.at(4) == 'x' ? 'y' : 'x';
            const QString saved = copied + QStringLiteral(".new");
            QFile f(saved);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(bytes), bytes.size());
            f.close();
            setMtime(saved, before.st_mtim.tv_sec);
            QCOMPARE(::rename(QFile::encodeName(saved).constData(), QFile::encodeName(copied).constData()), 0);
        } else if (change == QLatin1String("chmod")) {
            QVERIFY(QFile::setPermissions(
                copied, QFile::permissions(copied) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
        } else if (change == QLatin1String("add-folder")) { // only the listing of data/ tells
            QVERIFY(QDir().mkpath(tree + QStringLiteral("/docker-deploy/federatedml_examples/data/more")));
            QFile f(tree + QStringLiteral("/docker-deploy/federatedml_examples/data/more/new.csv"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("id,y\n1,0\n");
        } else if (change == QLatin1String("add")) {
            QFile f(tree + QStringLiteral("/docker-deploy/federatedml_examples/data/new.csv"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("id,y\n1,0\n");
        } else {
            QVERIFY(QFile::remove(copied));
        }
        const Served changed = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(!changed.reused);
        QVERIFY(changed.matchesFresh);
        QVERIFY(changed.keys != cold.keys);
        const Served again = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(again.reused);
        QVERIFY(again.matchesFresh);
    }

    void treeWithALinkLoopIsNeverReused()
    {
        // The stat walk follows links to folders; one that leads back up must not make it loop, and
        // such a tree is rendered every time (nothing remembered), as an unreadable one.
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const QString tree = copyFixture(tmp.filePath(QStringLiteral("tree")));
        QVERIFY(QFile::link(QStringLiteral(".."), tree + QStringLiteral("/docker-deploy/loop")));
        const Project p = project(tree);
        for (int i = 0; i < 2; ++i) {
            const Served s = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
            QVERIFY(!s.reused);
            QVERIFY(s.matchesFresh);
        }
        QCOMPARE(QDir(dir + QStringLiteral("/renders")).entryList(QDir::Files), QStringList());
    }

    void changedProjectIsRenderedAgain()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const Project p = project(copyFixture(tmp.filePath(QStringLiteral("tree"))));
        QVERIFY(!serve(dir, p, tmp.filePath(QStringLiteral("scratch"))).reused);
        Project q = p;
        q.images.tag = QStringLiteral("1.1-other");
        const Served other = serve(dir, q, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(!other.reused);
        QVERIFY(other.matchesFresh);
        Project r = p;
        r.parties[0].host = QStringLiteral("10.1.0.9");
        const Served moved = serve(dir, r, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(!moved.reused);
        QVERIFY(moved.matchesFresh);
        // each render is remembered on its own
        const Served back = serve(dir, p, tmp.filePath(QStringLiteral("scratch")));
        QVERIFY(back.reused);
        QVERIFY(back.matchesFresh);
    }

    void disabledByEnvironment()
    {
        qputenv("FD_BUNDLE_CACHE", "off");
        BundleCache cache;
        qunsetenv("FD_BUNDLE_CACHE");
        QVERIFY(!cache.isEnabled());
        QVERIFY(!cache.fetch(QString(64, QLatin1Char('a')), QStringLiteral("/nonexistent/x.tar.gz")));
    }

    void trimDropsTheLeastRecentlyUsed()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        BundleCache cache(dir, 2500);
        for (int i = 0; i < 3; ++i) {
            const QString f = tmp.filePath(QStringLiteral("a%1").arg(i));
            QFile out(f);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray(1000, char('a' + i)));
            out.close();
            // distinct, ordered last-use times without sleeping
            const QString key = QString(64, QLatin1Char(char('0' + i)));
            cache.store(key, f);
            cache.flush();
            const struct utimbuf t = {1700000000 + i, 1700000000 + i};
            QCOMPARE(
                ::utime(QFile::encodeName(dir + QLatin1Char('/') + key + QStringLiteral(".tar.gz")).constData(), &t),
                0);
        }
        // the third flush trimmed to 2500 bytes: 3000 > cap, so the oldest (key 0) went
        QVERIFY(!cache.fetch(QString(64, QLatin1Char('0')), tmp.filePath(QStringLiteral("x"))));
        QVERIFY(cache.fetch(QString(64, QLatin1Char('1')), tmp.filePath(QStringLiteral("y"))));
        QVERIFY(cache.fetch(QString(64, QLatin1Char('2')), tmp.filePath(QStringLiteral("z"))));
    }
    void storedEntriesAppearWholeAtFlush()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const RenderOutput out = render(project(QStringLiteral(FD_TEST_DATA "/kubefate-1.1.0")));
        const Bundle &party = *out.bundle(QStringLiteral("confs-9999"));
        PackCache members;
        const QString packed = tmp.filePath(QStringLiteral("packed.tar.gz"));
        QVERIFY(QFile(packed).open(QIODevice::WriteOnly)); // packToFile replaces a file that is there
        QVERIFY(BundlePacker::packToFile(party, members, packed));
        QVERIFY(QFileInfo(packed).size() > 0);
        QCOMPARE(QDir(tmp.path()).entryList({QStringLiteral("*.part-*")}, QDir::Files), QStringList());
        BundleCache writer(dir);
        BundleCache reader(dir);
        const QString key = writer.key(party, members.level()).value();
        writer.store(key, packed);
        // the writer serves its own entry at once; another process only after the flush
        QVERIFY(writer.fetch(key, tmp.filePath(QStringLiteral("mine.tar.gz"))));
        QVERIFY(!reader.fetch(key, tmp.filePath(QStringLiteral("early.tar.gz"))));
        writer.flush();
        QVERIFY(reader.fetch(key, tmp.filePath(QStringLiteral("late.tar.gz"))));
        QCOMPARE(readAll(tmp.filePath(QStringLiteral("late.tar.gz"))), readAll(packed));
        QCOMPARE(QDir(dir).entryList({QStringLiteral("*.part-*")}, QDir::Files), QStringList());
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/hashes.tsv")));
    }

    void editedCopyOfAServedBundleGetsItsOwnKey()
    {
        // Keys of a served render are remembered per bundle; a copy of a bundle that was edited after the
        // render must not get the remembered key.
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(QStringLiteral("cache"));
        const Project p = project(copyFixture(tmp.filePath(QStringLiteral("tree"))));
        const TemplateTree tree = TemplateSources::openFolder(p.templates.location).value();
        for (int round = 0; round < 2; ++round) { // made, then reused from disk
            BundleCache cache(dir);
            bool reused = false;
            const RenderOutput out = cache.render(p, tree, &reused).value();
            QCOMPARE(reused, round == 1);
            const Bundle &served = *out.bundle(QStringLiteral("confs-10000"));
            const QString servedKey = cache.key(served, PackCache::DefaultLevel).value();
            Bundle edited = served;
            qsizetype generated = -1;
            for (qsizetype i = 0; i < edited.files.size() && generated < 0; ++i)
                if (!edited.files.at(i).isVerbatim())
                    generated = i;
            QVERIFY(generated >= 0);
            edited.files[generated].content += "# edited\n";
            edited.files[generated].size = edited.files.at(generated).content.size();
            const QString editedKey = cache.key(edited, PackCache::DefaultLevel).value();
            QVERIFY(editedKey != servedKey);
            BundleCache fresh(tmp.filePath(QStringLiteral("fresh-%1").arg(round)));
            QCOMPARE(fresh.key(edited, PackCache::DefaultLevel).value(), editedKey);
            QCOMPARE(cache.key(served, PackCache::DefaultLevel).value(), servedKey);
        }
    }
};

QTEST_GUILESS_MAIN(TestBundleCache)
#include "tst_bundlecache.moc"
