// SPDX-License-Identifier: Apache-2.0
// Sha256 (OpenSSL): FIPS 180-2's own examples, the same digest as QCryptographicHash for every length
// around the block size and in any split into addData() calls, and result() stable once taken.
#include "util/sha256.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace FateDeployer;

class TestSha256 : public QObject
{
    Q_OBJECT

private slots:
    void knownDigests_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    void knownDigests()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(Sha256::hash(input).toHex(), hex);
        Sha256 h;
        h.addData(input);
        QCOMPARE(h.result().toHex(), hex);
    }

    void sameAsQtInAnySplit()
    {
        QRandomGenerator rng(15);
        QByteArray data(3 * 64 + 7, Qt::Uninitialized);
        for (char &c : data)
            c = char(rng.bounded(256));
        for (qsizetype n = 0; n <= data.size(); ++n) {
            const QByteArray part = data.left(n);
            const QByteArray expected = QCryptographicHash::hash(part, QCryptographicHash::Sha256);
            QCOMPARE(Sha256::hash(part), expected);
            // Pieces of every length up to a block and more, as the cache feeds it.
            const qsizetype piece = n % 70 + 1;
            Sha256 h;
            for (qsizetype at = 0; at < part.size(); at += piece)
                h.addData(QByteArrayView(part).sliced(at, std::min(piece, part.size() - at)));
            QCOMPARE(h.result(), expected);
        }
    }

    void device()
    {
        // More than one read chunk, as a release archive or an example file is.
        QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator rng(5);
        for (char &c : data)
            c = char(rng.bounded(256));
        QBuffer buffer(&data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        Sha256 h;
        QVERIFY(h.addData(&buffer));
        QCOMPARE(h.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        QBuffer closed;
        QVERIFY(!Sha256().addData(&closed)); // not open: nothing read, as QCryptographicHash says
    }

    void resultIsStable()
    {
        Sha256 h;
        h.addData("ab");
        h.addData("c");
        const QByteArray first = h.result();
        QCOMPARE(first.size(), 32);
        QCOMPARE(h.result(), first);
        h.addData("more"); // after result(): ignored, as documented
        QCOMPARE(h.result(), first);
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
