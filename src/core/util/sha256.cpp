// SPDX-License-Identifier: Apache-2.0
#include "util/sha256.h"

#include <QIODevice>

#include <openssl/evp.h>

namespace FateDeployer {

namespace {

/// Fetched once: an implicit fetch per digest (EVP_sha256()) costs OpenSSL 3 a lookup and a lock each time.
const EVP_MD *sha256()
{
    static EVP_MD *fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched ? fetched : EVP_sha256();
}

} // namespace

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    if (!m_ctx || EVP_DigestInit_ex(m_ctx, sha256(), nullptr) != 1)
        qFatal("OpenSSL cannot compute sha256");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::addData(QByteArrayView data)
{
    if (m_result.isEmpty() && !data.isEmpty())
        EVP_DigestUpdate(m_ctx, data.data(), size_t(data.size()));
}

bool Sha256::addData(QIODevice *device)
{
    if (!device || !device->isReadable())
        return false;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    while (!device->atEnd()) {
        const qint64 n = device->read(buf.data(), buf.size());
        if (n <= 0)
            return false;
        addData(QByteArrayView(buf.constData(), qsizetype(n)));
    }
    return true;
}

QByteArray Sha256::result()
{
    if (m_result.isEmpty()) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(m_ctx, md, &len) != 1)
            qFatal("OpenSSL cannot compute sha256");
        m_result = QByteArray(reinterpret_cast<const char *>(md), qsizetype(len));
    }
    return m_result;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), md, &len, sha256(), nullptr) != 1)
        qFatal("OpenSSL cannot compute sha256");
    return QByteArray(reinterpret_cast<const char *>(md), qsizetype(len));
}

} // namespace FateDeployer
