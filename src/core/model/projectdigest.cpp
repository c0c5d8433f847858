// SPDX-License-Identifier: Apache-2.0
#include "model/projectdigest.h"

#include "util/sha256.h"

#include <optional>

namespace FateDeployer {

namespace {

/// Appends values with their lengths, so that no two different field sequences give the same bytes.
class Digest
{
public:
    void add(const QString &s)
    {
        add(qint64(s.size()));
        m_out.append(reinterpret_cast<const char *>(s.constData()), s.size() * qsizetype(sizeof(QChar)));
    }
    void add(qint64 v) { m_out.append(reinterpret_cast<const char *>(&v), sizeof v); }
    void add(int v) { add(qint64(v)); }
    void add(bool v) { add(qint64(v ? 1 : 0)); }
    void add(const std::optional<int> &v) { v ? (add(true), add(*v)) : add(false); }
    void add(const QStringList &l)
    {
        add(qint64(l.size()));
        for (const QString &s : l)
            add(s);
    }
    template<typename E>
    requires std::is_enum_v<E>
    void add(E e) { add(qint64(e)); }
    template<typename... T>
    void all(const T &...v)
    {
        (add(v), ...);
    }

    void add(const SshOverrides &s)
    {
        const auto &[user, port, identityFile, auth, jumpHost] = s;
        all(user, port, identityFile, auth, jumpHost);
    }
    void add(const Party &p)
    {
        const auto &[id, host, ssh, dir, notes, servingHost, reachableAddress, reachablePort, external, contact] = p;
        all(id, host, ssh, dir, notes, servingHost, reachableAddress, reachablePort, external, contact);
    }
    void add(const Exchange &e)
    {
        const auto &[enabled, host, port, ssh, dir, reachableAddress, reachablePort, external, notes] = e;
        all(enabled, host, port, ssh, dir, reachableAddress, reachablePort, external, notes);
    }
    void add(const TemplateSource &t)
    {
        const auto &[kubefateVersion, kind, location, sha256, mirrorBase] = t;
        all(kubefateVersion, kind, location, sha256, mirrorBase);
    }
    void add(const ImageSettings &i)
    {
        const auto &[prefix, tag, baseTag, builderTag, servingTag] = i;
        all(prefix, tag, baseTag, builderTag, servingTag);
    }
    void add(const RegistrySettings &r)
    {
        const auto &[usePrivate, uri, username, keepLoggedIn, dockerHubImages] = r;
        all(usePrivate, uri, username, keepLoggedIn, dockerHubImages);
    }
    void add(const EngineSettings &e)
    {
        const auto &[computing, federation, storage, algorithm, device, computeCore, gpuCount, nameNode] = e;
        all(computing, federation, storage, algorithm, device, computeCore, gpuCount, nameNode);
    }
    void add(const MysqlSettings &m)
    {
        const auto &[host, user, database, serverTimezone] = m;
        all(host, user, database, serverTimezone);
    }
    void add(const ServiceLogins &l)
    {
        const auto &[fateboardUser, servingAdminUser] = l;
        all(fateboardUser, servingAdminUser);
    }
    void add(const Verification &v)
    {
        const auto &[guestId, hostId, timeoutSeconds] = v;
        all(guestId, hostId, timeoutSeconds);
    }
    void add(const FederationState &f)
    {
        const auto &[revision, sha256] = f;
        all(revision, sha256);
    }
    void add(const QList<Party> &parties)
    {
        add(qint64(parties.size()));
        for (const Party &p : parties)
            add(p);
    }

    QByteArray result() const { return Sha256::hash(m_out); }

private:
    QByteArray m_out;
};

} // namespace

QByteArray projectDigest(const Project &project)
{
    Digest d;
    const auto &[name,
                 templates,
                 user,
                 baseDir,
                 sshPort,
                 knownHostsFile,
                 images,
                 registry,
                 parties,
                 exchange,
                 verification,
                 engine,
                 mysql,
                 logins,
                 federation]
        = project;
    d.all(name,
          templates,
          user,
          baseDir,
          sshPort,
          knownHostsFile,
          images,
          registry,
          parties,
          exchange,
          verification,
          engine,
          mysql,
          logins,
          federation);
    return d.result();
}

} // namespace FateDeployer
