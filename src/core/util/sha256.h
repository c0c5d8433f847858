// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;
struct evp_md_ctx_st;

namespace FateDeployer {

/// SHA-256 from OpenSSL's libcrypto (SHA-NI or AVX2 where the CPU has them). Qt 6.4's
/// QCryptographicHash is a portable C implementation, several times slower: it was most of the cost of
/// keying a bundle and of reusing a remembered render. Use one object per thread.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    /// Everything @p device has left to read, in 1 MiB chunks; false on a read error (as QCryptographicHash).
    bool addData(QIODevice *device);
    /// The 32-byte digest of everything added; later calls return the same, addData() then does nothing.
    QByteArray result();

    static QByteArray hash(QByteArrayView data);

private:
    evp_md_ctx_st *m_ctx;
    QByteArray m_result;
};

} // namespace FateDeployer
