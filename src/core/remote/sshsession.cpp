// SPDX-License-Identifier: Apache-2.0
#include "remote/sshsession.h"

#include "remote/jumptunnel.h"
#include "remote/prompter.h"
#include "settings/secretstore.h"
#include "util/sha256.h"
#include "util/tr.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive: a want-reply global request, usable by clients too
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace FateDeployer {

namespace {

// Preferred ciphers: AES-GCM uses AES-NI through OpenSSL and is the fastest on both ends; all of these are
// supported by OpenSSH 6.2+ (CentOS 7 ships 7.4).
constexpr const char *CipherPreference = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"
                                         "aes128-ctr,aes192-ctr,aes256-ctr";

constexpr const char *PgidMarker = "fd-pgid=";

// Kills the process group $1: TERM, KILL after 3 s, and reports whether anything of it is left.
constexpr const char KillScript[]
    = "p=$1; kill -TERM -\"$p\" 2>/dev/null; i=0; while kill -0 -\"$p\" 2>/dev/null; do i=$((i+1)); "
      "if [ \"$i\" -eq 30 ]; then kill -KILL -\"$p\" 2>/dev/null; fi; "
      "if [ \"$i\" -ge 60 ]; then echo alive; exit 1; fi; sleep 0.1; done; echo gone";

// Prints the size and the sha256 of stdin; openssl (SHA-NI, ~1 GB/s) when present, else coreutils.
constexpr const char HashScript[]
    = "if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r; else sha256sum; fi";

struct KeyFree
{
    void operator()(ssh_key k) const { ssh_key_free(k); }
};
using KeyPtr = std::unique_ptr<std::remove_pointer_t<ssh_key>, KeyFree>;

QString fingerprintOf(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t len = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &len) != 0)
        return {};
    char *text = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, len);
    ssh_clean_pubkey_hash(&hash);
    const QString result = QString::fromUtf8(text);
    ssh_string_free_char(text);
    return result;
}

QString keyTypeOf(ssh_key key)
{
    return QString::fromUtf8(ssh_key_type_to_char(ssh_key_type(key)));
}

/// The first key known_hosts holds for host:port (plain or hashed entries), preferring `preferType`:
/// (type, SHA256 fingerprint). libssh 0.10 does not hand out the old key of a changed host.
std::optional<QPair<QString, QString>>
knownKeyFor(const QString &file, const QString &host, int port, const QString &preferType)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray name = port == 22 ? host.toUtf8() : "[" + host.toUtf8() + "]:" + QByteArray::number(port);
    std::optional<QPair<QString, QString>> found;
    while (!f.atEnd()) {
        const QList<QByteArray> fields = f.readLine().simplified().split(' ');
        if (fields.size() < 3 || fields.at(0).startsWith('#') || fields.at(0).startsWith('@'))
            continue;
        bool match = false;
        for (const QByteArray &pattern : fields.at(0).split(',')) {
            if (pattern.startsWith("|1|")) {
                const QList<QByteArray> parts = pattern.split('|'); // "", "1", salt, hash
                if (parts.size() != 4)
                    continue;
                const QByteArray salt = QByteArray::fromBase64(parts.at(2));
                unsigned char mac[EVP_MAX_MD_SIZE];
                unsigned int macLen = 0;
                HMAC(EVP_sha1(),
                     salt.constData(),
                     int(salt.size()),
                     reinterpret_cast<const unsigned char *>(name.constData()),
                     size_t(name.size()),
                     mac,
                     &macLen);
                match = QByteArray(reinterpret_cast<const char *>(mac), int(macLen))
                        == QByteArray::fromBase64(parts.at(3));
            } else {
                match = pattern == name;
            }
            if (match)
                break;
        }
        if (!match)
            continue;
        ssh_key raw = nullptr;
        if (ssh_pki_import_pubkey_base64(
                fields.at(2).constData(), ssh_key_type_from_name(fields.at(1).constData()), &raw)
            != SSH_OK)
            continue;
        KeyPtr key(raw);
        QPair<QString, QString> entry{keyTypeOf(key.get()), fingerprintOf(key.get())};
        if (entry.first == preferType)
            return entry;
        if (!found)
            found = entry;
    }
    return found;
}

/// Given to libssh instead of no callback: otherwise OpenSSL's default would prompt on the terminal for an
/// encrypted PEM key and block the job thread. We ask through the Prompter ourselves.
int noPassphrase(const char *, char *, size_t, int, int, void *)
{
    return -1;
}

QString expandHome(const QString &path)
{
    if (path == u"~")
        return QDir::homePath();
    if (path.startsWith(u"~/"))
        return QDir::homePath() + path.mid(1);
    if (path.startsWith(u"%d/"))
        return QDir::homePath() + u"/.ssh" + path.mid(2);
    return path;
}

QString sshError(ssh_session s)
{
    return QString::fromUtf8(ssh_get_error(s)).trimmed();
}

QString randomHex(int bytes)
{
    QString out;
    for (int i = 0; i < bytes; ++i)
        out += QString::number(QRandomGenerator::global()->bounded(256) | 0x100, 16).mid(1);
    return out;
}

QString parentDir(const QString &remotePath)
{
    const qsizetype slash = remotePath.lastIndexOf(u'/');
    if (slash < 0)
        return {};
    if (slash == 0)
        return QStringLiteral("/");
    return remotePath.left(slash);
}

/// Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence.
qsizetype completeUtf8Prefix(const QByteArray &bytes)
{
    const qsizetype n = bytes.size();
    for (qsizetype back = 1; back <= 4 && back <= n; ++back) {
        const auto c = static_cast<unsigned char>(bytes.at(n - back));
        if ((c & 0xC0) == 0x80)
            continue; // continuation byte: keep looking for the lead byte
        int need = 1;
        if ((c & 0xE0) == 0xC0)
            need = 2;
        else if ((c & 0xF0) == 0xE0)
            need = 3;
        else if ((c & 0xF8) == 0xF0)
            need = 4;
        return back < need ? n - back : n;
    }
    return n;
}

void tuneSocket(int fd, int deadPeerSeconds)
{
    if (fd < 0 || deadPeerSeconds <= 0)
        return;
    int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    int idle = std::max(1, deadPeerSeconds / 3);
    int count = 3;
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &idle, sizeof idle);
    ::setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
    unsigned int userTimeoutMs = static_cast<unsigned int>(deadPeerSeconds) * 1000u;
    ::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeoutMs, sizeof userTimeoutMs);
}

/// State of one running channel, shared with libssh's callbacks.
struct ChannelRun
{
    SshSession *owner = nullptr;
    std::function<void(OutputLine::Stream, const QByteArray &, bool)> emitLine;
    const ExecOptions *options = nullptr;
    ExecResult result;
    QByteArray lineBuffer[2];
    bool lineOpen[2] = {false, false}; ///< a partial piece was delivered; its line has not ended yet
    qint64 lastAppend[2] = {0, 0};
    bool wantMarker = false;
    bool markerSeen = false;
    QByteArray preMarker;
    qint64 pgid = 0;
    bool eof = false;
    bool closed = false;
    bool exitKnown = false;
    QElapsedTimer clock;
    qint64 lastIncoming = 0;

    void capture(int stream, const QByteArray &bytes)
    {
        QByteArray &target = stream == 0 ? result.stdOut : result.stdErr;
        const qsizetype room = options->captureLimit - target.size();
        if (room >= bytes.size()) {
            target += bytes;
        } else {
            if (room > 0)
                target += bytes.left(room);
            result.outputTruncated = true;
        }
    }

    void feed(int stream, const QByteArray &bytes)
    {
        capture(stream, bytes);
        QByteArray &buf = lineBuffer[stream];
        buf += bytes;
        lastAppend[stream] = clock.elapsed();
        qsizetype start = 0;
        for (;;) {
            const qsizetype nl = buf.indexOf('\n', start);
            if (nl < 0)
                break;
            QByteArray line = buf.mid(start, nl - start);
            if (line.endsWith('\r'))
                line.chop(1);
            lineOpen[stream] = false;
            emitLine(OutputLine::Stream(stream), line, false);
            start = nl + 1;
        }
        if (start > 0)
            buf.remove(0, start);
    }

    void onData(const char *data, int len, bool isStderr)
    {
        lastIncoming = clock.elapsed();
        QByteArray bytes(data, len);
        if (isStderr || !wantMarker || markerSeen) {
            feed(isStderr ? 1 : 0, bytes);
            return;
        }
        // Before the marker: login scripts may print; pass their lines through, pick the marker out.
        preMarker += bytes;
        for (;;) {
            const qsizetype nl = preMarker.indexOf('\n');
            if (nl < 0)
                break;
            const QByteArray line = preMarker.left(nl);
            preMarker.remove(0, nl + 1);
            if (line.startsWith(PgidMarker)) {
                bool ok = false;
                pgid = line.mid(qsizetype(qstrlen(PgidMarker))).trimmed().toLongLong(&ok);
                if (!ok)
                    pgid = 0;
                markerSeen = true;
                if (!preMarker.isEmpty())
                    feed(0, std::exchange(preMarker, {}));
                return;
            }
            feed(0, line + '\n');
        }
        if (preMarker.size() > 65536) {
            markerSeen = true; // not our wrapper's output after all; stop looking
            feed(0, std::exchange(preMarker, {}));
        }
    }

    void flushPartials(bool final)
    {
        for (int stream = 0; stream < 2; ++stream) {
            QByteArray &buf = lineBuffer[stream];
            if (buf.isEmpty()) {
                // The stream ended right after a piece delivered as partial: the line ends here (empty rest).
                if (final && std::exchange(lineOpen[stream], false))
                    emitLine(OutputLine::Stream(stream), QByteArray(), false);
                continue;
            }
            if (!final && clock.elapsed() - lastAppend[stream] < options->partialLineFlushMs)
                continue;
            const qsizetype n = final ? buf.size() : completeUtf8Prefix(buf);
            if (n == 0)
                continue;
            QByteArray chunk = buf.left(n);
            buf.remove(0, n);
            if (final && chunk.endsWith('\r'))
                chunk.chop(1);
            lineOpen[stream] = !final;
            emitLine(OutputLine::Stream(stream), chunk, !final);
        }
    }
};

int onChannelData(ssh_session, ssh_channel, void *data, uint32_t len, int isStderr, void *userdata)
{
    static_cast<ChannelRun *>(userdata)->onData(static_cast<const char *>(data), int(len), isStderr != 0);
    return int(len);
}

void onChannelEof(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ChannelRun *>(userdata)->eof = true;
}

void onChannelClose(ssh_session, ssh_channel, void *userdata)
{
    static_cast<ChannelRun *>(userdata)->closed = true;
}

void onExitStatus(ssh_session, ssh_channel, int status, void *userdata)
{
    auto *run = static_cast<ChannelRun *>(userdata);
    run->result.exitStatus = status;
    run->exitKnown = true;
}

void onExitSignal(ssh_session, ssh_channel, const char *signal, int, const char *, const char *, void *userdata)
{
    auto *run = static_cast<ChannelRun *>(userdata);
    run->result.exitSignal = QString::fromUtf8(signal);
    run->result.exitStatus = -1;
    run->exitKnown = true;
}

} // namespace

struct SshSession::Private
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::SshSession::Private)

public:
    SshEndpoint endpoint;
    Prompter *prompter = nullptr;
    SecretStore *secrets = nullptr;
    CancelToken cancel;
    QString name;

    ssh_session session = nullptr;
    ssh_event event = nullptr;
    std::unique_ptr<JumpTunnel> tunnel;
    bool connected = false;
    SshSession::HostKeyProblem hostKeyProblem = SshSession::HostKeyProblem::None;
    QString lostReason; ///< why the connection was given up (a keepalive without answer), for the message
    QStringList offered;
    QStringList tried;
    QString fingerprint;
    QString keyType;
    QString resolvedHost;
    int resolvedPort = 22;
    QString resolvedUser;
    QString configJump; ///< a ProxyJump found in ~/.ssh/config, done natively
    quint64 sequence = 0;
    ExecStop lastStop = ExecStop::None;

    // Secrets that worked and should be remembered after a successful login.
    QList<QPair<QString, QString>> toRemember;

    ~Private() { close(); }

    void close()
    {
        if (event) {
            if (session)
                ssh_event_remove_session(event, session);
            ssh_event_free(event);
            event = nullptr;
        }
        if (session) {
            if (connected)
                ssh_disconnect(session);
            ssh_free(session);
            session = nullptr;
        }
        tunnel.reset();
        connected = false;
    }

    Status configure();
    Status verifyHostKey();
    Status authenticate();
    bool tryAgent();
    bool tryKeyFiles(QStringList &notes);
    int tryPassword(QStringList &notes);
    int tryKeyboardInteractive(QStringList &notes);
    std::optional<QString> storedSecret(const QString &key);
    SecretAnswer ask(SecretQuestion q);

    Result<ExecResult> runChannel(const ShellCommand &command,
                                  const ExecOptions &options,
                                  const ChunkProducer *producer,
                                  const ProgressCallback *progress,
                                  bool internal,
                                  SshSession *owner);
    QString killProcessGroup(qint64 pgid, SshSession *owner);
    bool keepAlive();
    Status lostConnection(const QString &what);
};

SshSession::SshSession(SshEndpoint endpoint, Prompter *prompter, SecretStore *secrets, CancelToken cancel)
    : d(std::make_unique<Private>())
{
    d->endpoint = std::move(endpoint);
    d->prompter = prompter;
    d->secrets = secrets;
    d->cancel = std::move(cancel);
    d->name = d->endpoint.displayName();
}

SshSession::~SshSession() = default;

const SshEndpoint &SshSession::endpoint() const
{
    return d->endpoint;
}

QString SshSession::displayName() const
{
    return d->name;
}

QStringList SshSession::offeredAuthMethods() const
{
    return d->offered;
}

QStringList SshSession::triedAuthMethods() const
{
    return d->tried;
}

QString SshSession::hostKeyFingerprint() const
{
    return d->fingerprint;
}

QString SshSession::hostKeyType() const
{
    return d->keyType;
}

SshSession::HostKeyProblem SshSession::hostKeyProblem() const
{
    return d->hostKeyProblem;
}

bool SshSession::isConnected() const
{
    return d->connected && d->session && ssh_is_connected(d->session);
}

void SshSession::disconnect()
{
    d->close();
}

void SshSession::cancel()
{
    d->cancel.cancel();
}

CancelToken SshSession::cancelToken() const
{
    return d->cancel;
}

Status SshSession::Private::configure()
{
    const QByteArray host = endpoint.host.toUtf8();
    if (endpoint.host.isEmpty())
        return Error{tr("No host name is set. Enter the host's name or address.")};
    ssh_options_set(session, SSH_OPTIONS_HOST, host.constData());
    if (endpoint.sshConfigFile == u"none") {
        int no = 0;
        ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    } else {
        const QString file = endpoint.sshConfigFile.isEmpty() ? QDir::homePath() + u"/.ssh/config"
                                                              : expandHome(endpoint.sshConfigFile);
        if (QFileInfo::exists(file) && ssh_options_parse_config(session, QFile::encodeName(file).constData()) != 0)
            return Error{tr("Could not read the SSH configuration file %1: %2. Fix or move the file.")
                             .arg(file, sshError(session))};
        // Do not let libssh read /etc/ssh/ssh_config on top at connect time: explicit settings win.
        int no = 0;
        ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    }
    // Explicit project settings override ~/.ssh/config.
    if (!endpoint.user.isEmpty())
        ssh_options_set(session, SSH_OPTIONS_USER, endpoint.user.toUtf8().constData());
    if (endpoint.port > 0) {
        unsigned int port = unsigned(endpoint.port);
        ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    }
    // Empty: ~/.ssh/config's UserKnownHostsFile, else libssh's default ~/.ssh/known_hosts (OpenSSH's file).
    if (!endpoint.knownHostsFile.isEmpty()) {
        const QString knownHosts = expandHome(endpoint.knownHostsFile);
        ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, QFile::encodeName(knownHosts).constData());
    }
    // libssh turns a config ProxyJump into "ssh [-l U] [-p P] -W '[%h]:%p' HOST" (to spawn OpenSSH). A single hop
    // is done natively instead, with our known_hosts, keys and prompter; chains (-J) stay with libssh.
    configJump.clear();
    char *proxy = nullptr;
    if (endpoint.jumpHost.isEmpty() && ssh_options_get(session, SSH_OPTIONS_PROXYCOMMAND, &proxy) == SSH_OK && proxy) {
        static const QRegularExpression jumpCommand(
            QStringLiteral("^ssh(?: -l (\\S+))?(?: -p (\\d+))? -W '\\[%h\\]:%p' (\\S+)$"));
        const QRegularExpressionMatch m = jumpCommand.match(QString::fromUtf8(proxy));
        ssh_string_free_char(proxy);
        if (m.hasMatch()) {
            const QString jumpHostName = m.captured(3);
            configJump = (m.captured(1).isEmpty() ? QString() : m.captured(1) + u'@')
                         + (jumpHostName.contains(u':') ? u'[' + jumpHostName + u']' : jumpHostName)
                         + (m.captured(2).isEmpty() ? QString() : u':' + m.captured(2));
            ssh_options_set(session, SSH_OPTIONS_PROXYCOMMAND, "none");
        }
    }
    long timeout = std::max(1, endpoint.connectTimeoutSeconds);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeout);
    int on = 1;
    ssh_options_set(session, SSH_OPTIONS_NODELAY, &on);
    ssh_options_set(session, SSH_OPTIONS_CIPHERS_C_S, CipherPreference);
    ssh_options_set(session, SSH_OPTIONS_CIPHERS_S_C, CipherPreference);

    char *value = nullptr;
    if (ssh_options_get(session, SSH_OPTIONS_HOST, &value) == SSH_OK) {
        resolvedHost = QString::fromUtf8(value);
        ssh_string_free_char(value);
    }
    value = nullptr;
    if (ssh_options_get(session, SSH_OPTIONS_USER, &value) == SSH_OK) {
        resolvedUser = QString::fromUtf8(value);
        ssh_string_free_char(value);
    }
    unsigned int port = 22;
    if (ssh_options_get_port(session, &port) == SSH_OK)
        resolvedPort = int(port);
    return {};
}

Status SshSession::connect()
{
    if (isConnected())
        return {};
    d->close();
    d->offered.clear();
    d->tried.clear();
    d->toRemember.clear();
    if (d->cancel.isCancelled())
        return Error{tr("Connecting to %1 was cancelled.").arg(d->name), ErrorKind::Cancelled};

    d->session = ssh_new();
    if (!d->session)
        return Error{tr("Could not create an SSH session for %1 (out of memory?).").arg(d->name)};
    if (Status st = d->configure(); !st)
        return st;

    if (!d->endpoint.jumpHost.isEmpty() || !d->configJump.isEmpty()) {
        SshEndpoint viaJump = d->endpoint;
        if (viaJump.jumpHost.isEmpty()) {
            viaJump.jumpHost = d->configJump;
            viaJump.identityFile.clear(); // the jump host's own config block decides its key
        }
        auto jump = viaJump.jumpEndpoint();
        if (!jump)
            return Error{jump.error(), ErrorKind::Local};
        if (d->endpoint.jumpHost.isEmpty() && !d->configJump.contains(u'@'))
            jump->user.clear(); // from the jump host's own config block
        auto tunnel
            = JumpTunnel::open(jump.value(), d->prompter, d->secrets, d->cancel, d->resolvedHost, d->resolvedPort);
        if (!tunnel)
            return Error{
                tr("Could not reach %1 through the jump host %2: %3").arg(d->name, viaJump.jumpHost, tunnel.error()),
                ErrorKind::Network};
        d->tunnel = std::move(tunnel.value());
        int fd = d->tunnel->socket();
        ssh_options_set(d->session, SSH_OPTIONS_FD, &fd);
        const char *none = "none";
        ssh_options_set(d->session, SSH_OPTIONS_PROXYCOMMAND, none);
    }

    // Non-blocking connect so that cancellation is noticed during the TCP connect and the key exchange.
    ssh_set_blocking(d->session, 0);
    QDeadlineTimer deadline(std::chrono::seconds(std::max(1, d->endpoint.connectTimeoutSeconds)));
    int rc = SSH_AGAIN;
    for (;;) {
        rc = ssh_connect(d->session);
        if (rc != SSH_AGAIN)
            break;
        if (d->cancel.isCancelled()) {
            d->close();
            return Error{tr("Connecting to %1 was cancelled.").arg(d->name), ErrorKind::Cancelled};
        }
        if (deadline.hasExpired()) {
            d->close();
            return Error{tr("Connecting to %1 timed out after %2 s. Check that the host is up and reachable "
                            "from this computer, and that no firewall drops SSH traffic.")
                             .arg(d->name)
                             .arg(d->endpoint.connectTimeoutSeconds),
                         ErrorKind::Timeout};
        }
        const int fd = ssh_get_fd(d->session);
        if (fd >= 0) {
            pollfd pfd{fd, POLLIN | POLLOUT, 0};
            ::poll(&pfd, 1, 20);
            if (!(pfd.revents & POLLIN))
                ::poll(&pfd, 0, 5); // writable only: do not spin while waiting for the answer
        } else {
            ::poll(nullptr, 0, 10);
        }
    }
    if (rc != SSH_OK) {
        const QString why = sshError(d->session);
        d->close();
        if (why.contains(u"refused", Qt::CaseInsensitive))
            return Error{tr("%1 refused the SSH connection (%2). Check the port (is sshd running and "
                            "listening on it?).")
                             .arg(d->name, why),
                         ErrorKind::Network};
        if (why.contains(u"timeout", Qt::CaseInsensitive) || why.contains(u"timed out", Qt::CaseInsensitive))
            return Error{
                tr("Connecting to %1 timed out (%2). Check that the host is up and reachable.").arg(d->name, why),
                ErrorKind::Timeout};
        return Error{tr("Could not connect to %1: %2. Check the host name, port and network.").arg(d->name, why),
                     ErrorKind::Network};
    }
    ssh_set_blocking(d->session, 1);
    d->connected = true;
    if (!d->tunnel)
        tuneSocket(ssh_get_fd(d->session), d->endpoint.deadPeerTimeoutSeconds);

    if (Status st = d->verifyHostKey(); !st) {
        d->close();
        return st;
    }
    if (Status st = d->authenticate(); !st) {
        d->close();
        return st;
    }
    if (d->secrets) {
        for (const auto &[key, secret] : std::as_const(d->toRemember))
            d->secrets->write(key, secret); // best effort: a failing keychain must not fail the login
    }
    d->toRemember.clear();
    d->event = ssh_event_new();
    ssh_event_add_session(d->event, d->session);
    return {};
}

Status SshSession::Private::verifyHostKey()
{
    ssh_key raw = nullptr;
    if (ssh_get_server_publickey(session, &raw) != SSH_OK)
        return Error{tr("%1 did not present a host key: %2").arg(name, sshError(session)), ErrorKind::HostKey};
    KeyPtr key(raw);
    fingerprint = fingerprintOf(key.get());
    keyType = keyTypeOf(key.get());
    char *knownPath = nullptr;
    ssh_options_get(session, SSH_OPTIONS_KNOWNHOSTS, &knownPath);
    const QString knownHosts = QString::fromUtf8(knownPath);
    ssh_string_free_char(knownPath);

    const ssh_known_hosts_e state = ssh_session_is_known_server(session);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        QString oldFp;
        QString oldType;
        if (const auto known = knownKeyFor(knownHosts, resolvedHost, resolvedPort, keyType)) {
            oldType = known->first;
            oldFp = known->second;
        }
        hostKeyProblem = SshSession::HostKeyProblem::Changed;
        return Error{
            tr("The host key of %1 has CHANGED. Known: %2 %3; presented now: %4 %5 (known_hosts: %6). "
               "This may be a reinstalled host or someone intercepting the connection. Nothing was sent. "
               "Check the new key with the host's administrator, then remove the old entry (ssh-keygen -R "
               "HOST -f FILE) and connect again.")
                .arg(name, oldType, oldFp.isEmpty() ? tr("(unknown)") : oldFp, keyType, fingerprint, knownHosts),
            ErrorKind::HostKey};
    }
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        break;
    case SSH_KNOWN_HOSTS_ERROR:
    default:
        return Error{tr("Could not check the host key of %1 against %2: %3. Check that the file is readable.")
                         .arg(name, knownHosts, sshError(session)),
                     ErrorKind::HostKey};
    }

    bool accept = false;
    hostKeyProblem = SshSession::HostKeyProblem::Unknown; // until accepted below
    switch (endpoint.hostKeyPolicy) {
    case HostKeyPolicy::AcceptNew:
        accept = true;
        break;
    case HostKeyPolicy::Refuse:
        return Error{tr("The host key of %1 is not known (%2 %3). Verify it and accept it once (in the app, or "
                        "with --accept-new-host-keys, or with ssh), then try again.")
                         .arg(name, keyType, fingerprint),
                     ErrorKind::HostKey};
    case HostKeyPolicy::Ask:
        if (!prompter)
            return Error{tr("The host key of %1 is not known (%2 %3) and nobody can be asked to accept it.")
                             .arg(name, keyType, fingerprint),
                         ErrorKind::HostKey};
        {
            HostKeyQuestion q;
            q.host = endpoint.host;
            q.address = resolvedHost;
            q.port = resolvedPort;
            q.keyType = keyType;
            q.fingerprint = fingerprint;
            q.knownHostsFile = knownHosts;
            accept = prompter->askHostKey(q, cancel) == HostKeyAnswer::Accept;
        }
        if (cancel.isCancelled())
            return Error{tr("Connecting to %1 was cancelled.").arg(name), ErrorKind::Cancelled};
        if (!accept)
            return Error{tr("The host key of %1 (%2 %3) was rejected; not connecting.").arg(name, keyType, fingerprint),
                         ErrorKind::HostKey};
        break;
    }
    hostKeyProblem = SshSession::HostKeyProblem::None;
    const QFileInfo info(knownHosts);
    QDir().mkpath(info.absolutePath());
    if (ssh_session_update_known_hosts(session) != SSH_OK)
        return Error{tr("Could not add the host key of %1 to %2: %3. Check that the file is writable.")
                         .arg(name, knownHosts, sshError(session)),
                     ErrorKind::HostKey};
    return {};
}

std::optional<QString> SshSession::Private::storedSecret(const QString &key)
{
    if (!secrets)
        return std::nullopt;
    auto r = secrets->read(key);
    if (!r)
        return std::nullopt;
    return r.value();
}

SecretAnswer SshSession::Private::ask(SecretQuestion q)
{
    if (!prompter || cancel.isCancelled())
        return {};
    q.host = name;
    q.user = resolvedUser;
    q.canRemember = secrets != nullptr;
    return prompter->askSecret(q, cancel);
}

bool SshSession::Private::tryAgent()
{
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return false;
    tried << QStringLiteral("agent");
    return ssh_userauth_agent(session, nullptr) == SSH_AUTH_SUCCESS;
}

bool SshSession::Private::tryKeyFiles(QStringList &notes)
{
    QStringList candidates;
    if (!endpoint.identityFile.isEmpty()) {
        candidates << expandHome(endpoint.identityFile);
    } else {
        char *first = nullptr;
        if (ssh_options_get(session, SSH_OPTIONS_IDENTITY, &first) == SSH_OK && first) {
            const QString fromConfig = QString::fromUtf8(first);
            ssh_string_free_char(first);
            if (!fromConfig.startsWith(u"%d/id_"))
                candidates << expandHome(fromConfig);
        }
        for (const char *base : {"id_ed25519", "id_ecdsa", "id_rsa"})
            candidates << QDir::homePath() + u"/.ssh/" + QLatin1String(base);
    }
    candidates.removeDuplicates();
    for (const QString &file : std::as_const(candidates)) {
        if (!QFileInfo::exists(file)) {
            if (!endpoint.identityFile.isEmpty())
                notes << tr("key file %1 does not exist").arg(file);
            continue;
        }
        const QByteArray path = QFile::encodeName(file);
        tried << tr("key %1").arg(file);
        // Offer the public key first: no passphrase is asked for a key the server would not accept.
        ssh_key pubRaw = nullptr;
        if (ssh_pki_import_pubkey_file(QByteArray(path + ".pub").constData(), &pubRaw) == SSH_OK) {
            KeyPtr pub(pubRaw);
            const int rc = ssh_userauth_try_publickey(session, nullptr, pub.get());
            if (rc != SSH_AUTH_SUCCESS) {
                notes << tr("key %1 not accepted").arg(file);
                continue;
            }
        }
        ssh_key privRaw = nullptr;
        if (ssh_pki_import_privkey_file(path.constData(), nullptr, noPassphrase, nullptr, &privRaw) != SSH_OK) {
            // Encrypted (or unreadable): passphrase from the keychain, else ask, up to 3 times.
            const QString storeKey = SecretStore::keyPassphraseKey(QFileInfo(file).canonicalFilePath());
            std::optional<QString> stored = storedSecret(storeKey);
            bool loaded = false;
            for (int attempt = 0; attempt < 4 && !loaded; ++attempt) {
                QString passphrase;
                bool remember = false;
                if (attempt == 0 && stored) {
                    passphrase = *stored;
                } else {
                    if (attempt == 0)
                        ++attempt; // no stored passphrase: three asks in total
                    SecretQuestion q;
                    q.kind = SecretQuestion::Kind::KeyPassphrase;
                    q.keyFile = file;
                    q.retry = attempt > 1 || stored.has_value();
                    SecretAnswer a = ask(q);
                    if (a.cancelled)
                        break;
                    passphrase = a.secret;
                    remember = a.remember;
                }
                const QByteArray pp = passphrase.toUtf8();
                if (ssh_pki_import_privkey_file(path.constData(), pp.constData(), noPassphrase, nullptr, &privRaw)
                    == SSH_OK) {
                    loaded = true;
                    if (remember)
                        toRemember.append({storeKey, passphrase});
                }
            }
            if (!loaded) {
                notes << tr("key %1 could not be unlocked (wrong or no passphrase)").arg(file);
                continue;
            }
        }
        KeyPtr priv(privRaw);
        const int rc = ssh_userauth_publickey(session, nullptr, priv.get());
        if (rc == SSH_AUTH_SUCCESS)
            return true;
        notes << tr("key %1 not accepted").arg(file);
        if (rc == SSH_AUTH_ERROR)
            return false;
    }
    return false;
}

// Returns SSH_AUTH_SUCCESS, SSH_AUTH_DENIED or SSH_AUTH_ERROR.
int SshSession::Private::tryPassword(QStringList &notes)
{
    tried << QStringLiteral("password");
    const QString storeKey = SecretStore::sshPasswordKey(resolvedUser, resolvedHost, resolvedPort);
    std::optional<QString> stored = storedSecret(storeKey);
    int rejected = 0;
    // One note for the whole method: "password rejected (2 attempts)", not a rejection followed by a
    // contradicting "not given" when nobody offers another password after it.
    auto finish = [&](int rc, bool cancelled) {
        if (rejected > 0)
            notes << (rejected == 1 ? tr("password rejected") : tr("password rejected %1 times").arg(rejected));
        else if (cancelled)
            notes << (prompter ? tr("password not given") : tr("no password available"));
        return rc;
    };
    for (int attempt = 0; attempt < 4; ++attempt) {
        QString password;
        bool remember = false;
        if (attempt == 0 && stored) {
            password = *stored;
        } else {
            if (attempt == 0)
                ++attempt;
            SecretQuestion q;
            q.kind = SecretQuestion::Kind::Password;
            q.retry = attempt > 1 || stored.has_value();
            SecretAnswer a = ask(q);
            if (a.cancelled)
                return finish(SSH_AUTH_DENIED, true);
            password = a.secret;
            remember = a.remember;
        }
        const int rc = ssh_userauth_password(session, nullptr, password.toUtf8().constData());
        if (rc == SSH_AUTH_SUCCESS) {
            if (remember)
                toRemember.append({storeKey, password});
            return rc;
        }
        if (rc == SSH_AUTH_ERROR)
            return finish(rc, false);
        ++rejected;
    }
    return finish(SSH_AUTH_DENIED, false);
}

int SshSession::Private::tryKeyboardInteractive(QStringList &notes)
{
    tried << QStringLiteral("keyboard-interactive");
    const QString storeKey = SecretStore::sshPasswordKey(resolvedUser, resolvedHost, resolvedPort);
    std::optional<QString> stored = storedSecret(storeKey);
    bool usedStored = false;
    int rounds = 0;
    int rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    while (rc == SSH_AUTH_INFO && rounds++ < 10) {
        const int n = ssh_userauth_kbdint_getnprompts(session);
        const QString title = QString(QString::fromUtf8(ssh_userauth_kbdint_getname(session)) + u'\n'
                                      + QString::fromUtf8(ssh_userauth_kbdint_getinstruction(session)))
                                  .trimmed();
        for (int i = 0; i < n; ++i) {
            char echo = 0;
            const QString prompt = QString::fromUtf8(ssh_userauth_kbdint_getprompt(session, unsigned(i), &echo));
            QString answer;
            if (!echo && stored && !usedStored && prompt.contains(u"assword")) {
                answer = *stored;
                usedStored = true;
            } else {
                SecretQuestion q;
                q.kind = SecretQuestion::Kind::KeyboardInteractive;
                q.title = title;
                q.prompt = prompt;
                q.echo = echo != 0;
                q.retry = rounds > 1;
                SecretAnswer a = ask(q);
                if (a.cancelled) {
                    if (rounds > 1)
                        notes << tr("keyboard-interactive answer rejected"); // not "not given" after a rejection
                    else
                        notes << (prompter ? tr("keyboard-interactive answer not given")
                                           : tr("nobody to answer keyboard-interactive prompts"));
                    return SSH_AUTH_DENIED;
                }
                answer = a.secret;
                if (a.remember && !echo && n == 1)
                    toRemember.append({storeKey, answer});
            }
            ssh_userauth_kbdint_setanswer(session, unsigned(i), answer.toUtf8().constData());
        }
        rc = ssh_userauth_kbdint(session, nullptr, nullptr);
    }
    if (rc != SSH_AUTH_SUCCESS) {
        notes << tr("keyboard-interactive rejected");
        toRemember.clear();
    }
    return rc;
}

Status SshSession::Private::authenticate()
{
    int rc = ssh_userauth_none(session, nullptr);
    if (rc == SSH_AUTH_SUCCESS)
        return {};
    if (rc == SSH_AUTH_ERROR)
        return Error{tr("The connection to %1 failed during login: %2").arg(name, sshError(session)), ErrorKind::Auth};
    const int methods = ssh_userauth_list(session, nullptr);
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        offered << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        offered << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        offered << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC)
        offered << QStringLiteral("gssapi-with-mic");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        offered << QStringLiteral("hostbased");

    const AuthMethod only = endpoint.auth;
    const auto allowed = [only](AuthMethod m) { return only == AuthMethod::Default || only == m; };
    QStringList notes;
    auto lost = [this]() { return !ssh_is_connected(session); };

    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && allowed(AuthMethod::Agent) && tryAgent())
        return {};
    if (cancel.isCancelled() || lost())
        goto stopped;
    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && allowed(AuthMethod::PublicKey) && tryKeyFiles(notes))
        return {};
    if (cancel.isCancelled() || lost())
        goto stopped;
    if ((methods & SSH_AUTH_METHOD_PASSWORD) && allowed(AuthMethod::Password)) {
        rc = tryPassword(notes);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
    }
    if (cancel.isCancelled() || lost())
        goto stopped;
    if ((methods & SSH_AUTH_METHOD_INTERACTIVE) && allowed(AuthMethod::KeyboardInteractive)) {
        rc = tryKeyboardInteractive(notes);
        if (rc == SSH_AUTH_SUCCESS)
            return {};
    }
stopped:
    if (cancel.isCancelled())
        return Error{tr("Logging in to %1 was cancelled.").arg(name), ErrorKind::Cancelled};
    if (lost())
        return Error{tr("%1 closed the connection during login (%2). Too many attempts or a login timeout on the "
                        "server; try again.")
                         .arg(name, sshError(session)),
                     ErrorKind::Auth};
    return Error{tr("Could not log in to %1 as %2. The server offers: %3. Tried: %4%5. Check the user name, the "
                    "key or password, or choose the authentication method for this host.")
                     .arg(name,
                          resolvedUser,
                          offered.isEmpty() ? tr("nothing") : offered.join(u", "),
                          tried.isEmpty() ? tr("nothing usable") : tried.join(u", "),
                          notes.isEmpty() ? QString() : u" (" + notes.join(u"; ") + u')'),
                 ErrorKind::Auth};
}

Status SshSession::Private::lostConnection(const QString &what)
{
    // Name the reason in the words an admin looks for: timeout, reset, refused.
    QString reason = lostReason;
    if (reason.isEmpty()) {
        const QString raw = sshError(session);
        if (raw.contains(u"reset", Qt::CaseInsensitive))
            reason = tr("connection reset by the host or the network (%1)").arg(raw);
        else if (raw.contains(u"refused", Qt::CaseInsensitive))
            reason = tr("connection refused (%1)").arg(raw);
        else if (raw.contains(u"timed out", Qt::CaseInsensitive) || raw.contains(u"timeout", Qt::CaseInsensitive))
            reason = tr("timeout (%1)").arg(raw);
        else if (!raw.isEmpty())
            reason = raw;
        else
            reason = tr("the connection was closed without a reason");
    }
    // Nothing more is sent over a dead connection (no disconnect message that could wait for its timeout).
    connected = false;
    return Error{tr("The connection to %1 was lost while %2: %3. Check that the host is up and reachable, then "
                    "run the step again.")
                     .arg(name, what, reason),
                 ErrorKind::Network};
}

bool SshSession::Private::keepAlive()
{
    // ssh_send_keepalive waits for the reply up to SSH_OPTIONS_TIMEOUT; a third of the dead-peer time, so a
    // dead peer is reported within the dead-peer time (silence of a third, then a third of waiting).
    const long wait = std::max(2, endpoint.deadPeerTimeoutSeconds / 3);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &wait);
    QElapsedTimer t;
    t.start();
    ssh_send_keepalive(session);
    const qint64 took = t.elapsed();
    const long normal = std::max(1, endpoint.connectTimeoutSeconds);
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &normal);
    if (ssh_is_connected(session) && took < wait * 1000 - 100)
        return true;
    lostReason = tr("timeout: no answer to a keepalive within %1 s").arg(wait);
    return false;
}

QString SshSession::Private::killProcessGroup(qint64 pgid, SshSession *owner)
{
    ExecOptions opts;
    opts.timeoutSeconds = 15;
    ShellCommand kill
        = ShellCommand(u"sh").arg(u"-c").arg(ShellCommand::rawLiteral(KillScript)).arg(u"fd-kill").arg(pgid);
    auto r = runChannel(kill, opts, nullptr, nullptr, true, owner);
    if (!r)
        return r.error();
    if (r->stdOut.trimmed() == "gone")
        return {};
    return tr("process group %1 on %2 is still running after SIGKILL").arg(pgid).arg(name);
}

Result<ExecResult> SshSession::Private::runChannel(const ShellCommand &command,
                                                   const ExecOptions &options,
                                                   const ChunkProducer *producer,
                                                   const ProgressCallback *progress,
                                                   bool internal,
                                                   SshSession *owner)
{
    if (!connected || !session || !event)
        return Error{tr("Not connected to %1; connect first.").arg(name)};
    if (!internal)
        lastStop = ExecStop::None;
    if (!internal && cancel.isCancelled())
        return Error{tr("Cancelled before running the command on %1.").arg(name), ErrorKind::Cancelled};

    ssh_channel channel = ssh_channel_new(session);
    if (!channel)
        return Error{lostConnection(tr("opening a channel")).error(), ErrorKind::Network};
    struct ChannelGuard
    {
        ssh_channel c;
        ~ChannelGuard()
        {
            if (ssh_channel_is_open(c))
                ssh_channel_close(c);
            ssh_channel_free(c);
        }
    } guard{channel};
    if (ssh_channel_open_session(channel) != SSH_OK)
        return Error{lostConnection(tr("opening a channel")).error(), ErrorKind::Network};
    // Wide, so that progress bars keep their byte counts ("12.3MB/200MB").
    if (options.pty && ssh_channel_request_pty_size(channel, "xterm", 200, 50) != SSH_OK)
        return Error{lostConnection(tr("starting a command")).error(), ErrorKind::Network};

    ChannelRun run;
    run.owner = owner;
    run.options = &options;
    run.clock.start();
    run.wantMarker = !internal;
    run.emitLine = [this, &options](OutputLine::Stream stream, const QByteArray &bytes, bool partial) {
        if (!options.onLine)
            return;
        OutputLine line;
        line.host = name;
        line.stream = stream;
        line.sequence = ++sequence;
        line.text = QString::fromUtf8(bytes);
        line.partial = partial;
        options.onLine(line);
    };
    ssh_channel_callbacks_struct callbacks{};
    callbacks.userdata = &run;
    callbacks.channel_data_function = onChannelData;
    callbacks.channel_eof_function = onChannelEof;
    callbacks.channel_close_function = onChannelClose;
    callbacks.channel_exit_status_function = onExitStatus;
    callbacks.channel_exit_signal_function = onExitSignal;
    ssh_callbacks_init(&callbacks);
    ssh_set_channel_callbacks(channel, &callbacks);

    // The login shell prints its pid (= the process group: sshd made it a session leader) and becomes a POSIX sh
    // running the command, so cancel can signal the whole group.
    const ShellCommand wrapped
        = internal ? command
                   : ShellCommand::rawLiteral("printf 'fd-pgid=%s\\n' \"$$\"").then(ShellCommand::shC(command).exec());
    if (ssh_channel_request_exec(channel, wrapped.toUtf8().constData()) != SSH_OK)
        return Error{lostConnection(tr("starting a command")).error(), ErrorKind::Network};

    QByteArray pending = options.stdinData;
    qsizetype offset = 0;
    bool producerDone = producer == nullptr;
    bool eofSent = false;
    bool stdinClosedByRemote = false;
    qint64 sent = 0;
    QString failure;
    using Stop = ExecStop;
    Stop stop = Stop::None;
    const qint64 deadlineMs = options.timeoutSeconds > 0 ? qint64(options.timeoutSeconds) * 1000 : -1;
    const qint64 idleMs = options.idleTimeoutSeconds > 0 ? qint64(options.idleTimeoutSeconds) * 1000 : -1;
    qint64 lastSent = 0; // when stdin data was last accepted: an upload in progress is activity too
    const int keepaliveMs = std::max(1000, endpoint.deadPeerTimeoutSeconds * 1000 / 3);
    qint64 lastKeepalive = 0;

    while (!run.closed) {
        if (!internal && cancel.isCancelled()) {
            stop = Stop::Cancelled;
            break;
        }
        if (deadlineMs >= 0 && run.clock.elapsed() > deadlineMs) {
            stop = Stop::TimedOut;
            break;
        }
        if (idleMs >= 0 && run.clock.elapsed() - std::max(run.lastIncoming, lastSent) > idleMs) {
            stop = Stop::Idle;
            break;
        }
        // Feed stdin, never more than the peer's window allows (a blocking write would hang forever once the
        // remote process has stopped reading).
        bool canWriteMore = false;
        if (!eofSent && !stdinClosedByRemote) {
            if (offset >= pending.size() && !producerDone) {
                Result<QByteArray> next = (*producer)();
                if (!next) {
                    failure = next.error();
                    stop = Stop::ProducerFailed;
                    break;
                }
                pending = std::move(next).value();
                offset = 0;
                if (pending.isEmpty())
                    producerDone = true;
            }
            if (offset < pending.size()) {
                const uint32_t window = ssh_channel_window_size(channel);
                if (window > 0) {
                    const qsizetype n = std::min<qsizetype>({qsizetype(window), pending.size() - offset, 1 << 20});
                    const int w = ssh_channel_write(channel, pending.constData() + offset, uint32_t(n));
                    if (w < 0) {
                        if (!ssh_is_connected(session)) {
                            stop = Stop::Lost;
                            break;
                        }
                        stdinClosedByRemote = true; // remote side closed: stop writing, collect its status
                    } else {
                        offset += w;
                        sent += w;
                        if (w > 0)
                            lastSent = run.clock.elapsed();
                        if (progress && *progress)
                            (*progress)(sent, -1);
                        canWriteMore = ssh_channel_window_size(channel) > 0;
                    }
                }
            } else if (producerDone) {
                pending.clear();
                ssh_channel_send_eof(channel);
                eofSent = true;
            }
            if (!eofSent && offset >= pending.size() && !producerDone)
                canWriteMore = true;
        }
        const int rc = ssh_event_dopoll(event, canWriteMore ? 0 : 50);
        if (rc == SSH_ERROR && !ssh_is_connected(session)) {
            stop = Stop::Lost;
            break;
        }
        if (!ssh_is_connected(session)) {
            stop = Stop::Lost;
            break;
        }
        run.flushPartials(false);
        const qint64 now = run.clock.elapsed();
        if (endpoint.deadPeerTimeoutSeconds > 0 && now - std::max(run.lastIncoming, lastKeepalive) > keepaliveMs) {
            // A silent command: ask the server for an answer ("keepalive@openssh.com", want-reply). Sending also
            // makes the kernel notice a dead direct peer (TCP_USER_TIMEOUT); the missing answer catches a host
            // that died behind a jump host, where our own TCP connection stays healthy.
            if (!keepAlive()) {
                stop = Stop::Lost;
                break;
            }
            lastKeepalive = run.clock.elapsed();
        }
    }

    if (!internal)
        lastStop = stop;
    if (stop == Stop::Lost) {
        run.flushPartials(true);
        return Error{lostConnection(tr("running a command")).error(), ErrorKind::Network};
    }
    if (stop != Stop::None) {
        // Wait briefly for the pgid marker if the command has only just started.
        QElapsedTimer wait;
        wait.start();
        while (run.wantMarker && !run.markerSeen && !run.closed && wait.elapsed() < 2000 && ssh_is_connected(session))
            ssh_event_dopoll(event, 50);
        QString killProblem;
        if (run.markerSeen && run.pgid > 0 && !run.closed)
            killProblem = killProcessGroup(run.pgid, owner);
        // Give the channel a moment to deliver the last output and its exit signal.
        wait.restart();
        while (!run.closed && wait.elapsed() < 3000 && ssh_is_connected(session))
            ssh_event_dopoll(event, 50);
        run.flushPartials(true);
        QString message;
        ErrorKind kind = ErrorKind::RemoteCommand;
        switch (stop) {
        case Stop::Cancelled:
            kind = ErrorKind::Cancelled;
            message = tr("Cancelled; the command on %1 was stopped.").arg(name);
            break;
        case Stop::TimedOut:
            kind = ErrorKind::Timeout;
            message = tr("The command on %1 did not finish within %2 s and was stopped.")
                          .arg(name)
                          .arg(options.timeoutSeconds);
            break;
        case Stop::Idle:
            kind = ErrorKind::Timeout;
            message = tr("The command on %1 printed nothing and made no transfer progress for %2 s (inactivity "
                         "timeout) and was stopped.")
                          .arg(name)
                          .arg(options.idleTimeoutSeconds);
            break;
        case Stop::ProducerFailed:
            message = tr("Sending data to %1 failed: %2").arg(name, failure);
            break;
        default:
            break;
        }
        if (!killProblem.isEmpty())
            message += u' ' + tr("Stopping it remotely failed: %1.").arg(killProblem);
        return Error{message, kind};
    }
    run.flushPartials(true);
    return std::move(run.result);
}

ExecStop SshSession::lastStop() const
{
    return d->lastStop;
}

Result<ExecResult> SshSession::exec(const ShellCommand &command, const ExecOptions &options)
{
    return d->runChannel(command, options, nullptr, nullptr, false, this);
}

Result<ExecResult> SshSession::streamInto(const ShellCommand &command,
                                          const ChunkProducer &producer,
                                          const ProgressCallback &onProgress,
                                          const ExecOptions &options)
{
    return d->runChannel(command, options, &producer, &onProgress, false, this);
}

namespace {

ShellCommand uploadCommand(const QString &tmp, const QString &remotePath, bool createParentDirs)
{
    // If the upload is cancelled or fails (we signal the process group), the shell removes the partial file.
    const ShellCommand removeOnSignal
        = ShellCommand(u"trap")
              .arg(ShellCommand(u"rm").args({u"-f", u"--"}).arg(tmp).then(ShellCommand(u"exit").arg(143)))
              .args({u"HUP", u"INT", u"TERM"});
    ShellCommand receive = ShellCommand(u"cat").redirectOut(tmp);
    const QString dir = parentDir(remotePath);
    if (createParentDirs && !dir.isEmpty())
        receive = ShellCommand(u"mkdir").args({u"-p", u"--"}).arg(dir).andThen(receive);
    const ShellCommand report
        = ShellCommand(u"wc").arg(u"-c").redirectIn(tmp).andThen(ShellCommand::rawLiteral(HashScript).redirectIn(tmp));
    const ShellCommand cleanup
        = ShellCommand(u"rm").args({u"-f", u"--"}).arg(tmp).then(ShellCommand(u"exit").arg(1)).group();
    return removeOnSignal.then(receive.andThen(report).orElse(cleanup));
}

} // namespace

static Status uploadWith(SshSession &self,
                         const QString &remotePath,
                         qint64 total,
                         const std::function<Result<QByteArray>()> &read,
                         const UploadOptions &options,
                         const std::function<QByteArray()> &digest)
{
    if (remotePath.isEmpty() || remotePath.endsWith(u'/'))
        return Error{tr("The remote file name \"%1\" is not a file path.").arg(remotePath)};
    if (!options.mode.isEmpty()) {
        static const QRegularExpression octal(QStringLiteral("^[0-7]{3,4}$"));
        if (!octal.match(options.mode).hasMatch())
            return Error{tr("The file mode \"%1\" is not an octal mode like 0644.").arg(options.mode)};
    }
    const QString tmp = remotePath + u".fd-part-" + randomHex(6);
    qint64 localSize = 0;
    ChunkProducer producer = [&]() -> Result<QByteArray> {
        Result<QByteArray> chunk = read();
        if (chunk)
            localSize += chunk->size();
        return chunk;
    };
    ProgressCallback progress = [&](qint64 done, qint64) {
        if (options.onProgress)
            options.onProgress(done, total);
    };
    ExecOptions exec;
    auto r = self.streamInto(uploadCommand(tmp, remotePath, options.createParentDirs), producer, progress, exec);
    const auto removeTmp = [&]() {
        ExecOptions quiet;
        quiet.timeoutSeconds = 30;
        (void)self.exec(ShellCommand(u"rm").args({u"-f", u"--"}).arg(tmp), quiet);
    };
    if (!r) {
        if (self.isConnected() && !self.cancelToken().isCancelled())
            removeTmp();
        return Error{r.error()};
    }
    if (!r->succeeded()) {
        return Error{tr("Writing %1 on %2 failed: %3")
                         .arg(remotePath, self.displayName(), QString::fromUtf8(r->stdErr).trimmed())};
    }
    const QList<QByteArray> lines = r->stdOut.trimmed().split('\n');
    const QByteArray localHash = digest();
    const qint64 remoteSize = lines.value(0).trimmed().toLongLong();
    const QByteArray remoteHash = lines.value(1).trimmed().split(' ').value(0).toLower();
    if (lines.size() < 2 || remoteSize != localSize || remoteHash != localHash) {
        removeTmp();
        return Error{tr("The copy of %1 on %2 does not match (size %3 vs %4, sha256 %5 vs %6); it was removed. "
                        "Check free disk space on the host and try again.")
                         .arg(remotePath, self.displayName())
                         .arg(remoteSize)
                         .arg(localSize)
                         .arg(QString::fromLatin1(remoteHash), QString::fromLatin1(localHash))};
    }
    ShellCommand finish = ShellCommand(u"mv").args({u"-f", u"--"}).arg(tmp).arg(remotePath);
    if (!options.mode.isEmpty())
        finish = ShellCommand(u"chmod").arg(options.mode).arg(tmp).andThen(finish);
    finish
        = finish.orElse(ShellCommand(u"rm").args({u"-f", u"--"}).arg(tmp).then(ShellCommand(u"exit").arg(1)).group());
    ExecOptions quick;
    quick.timeoutSeconds = 60;
    auto done = self.exec(finish, quick);
    if (!done)
        return Error{done.error()};
    if (!done->succeeded())
        return Error{tr("Could not move the uploaded file into place as %1 on %2: %3")
                         .arg(remotePath, self.displayName(), QString::fromUtf8(done->stdErr).trimmed())};
    return {};
}

namespace {

/// Reads and hashes a file on its own thread, a few chunks ahead of the sender, so that disk reads and
/// sha256 overlap with encryption and sending.
class ReadAhead
{
    Q_DECLARE_TR_FUNCTIONS(FateDeployer::ReadAhead)

public:
    explicit ReadAhead(const QString &path)
        : m_file(path)
    {}
    ~ReadAhead()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }
    bool open(QString *error)
    {
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error = m_file.errorString();
            return false;
        }
        m_thread = std::thread([this] { run(); });
        return true;
    }
    qint64 size() const { return m_file.size(); }

    Result<QByteArray> next()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return !m_queue.isEmpty() || m_done; });
        if (!m_queue.isEmpty()) {
            QByteArray chunk = m_queue.takeFirst();
            m_cv.notify_all();
            return chunk;
        }
        if (!m_error.isEmpty())
            return Error{m_error};
        return QByteArray();
    }
    QByteArray digest()
    {
        std::lock_guard lock(m_mutex);
        return m_digest;
    }

private:
    void run()
    {
        Sha256 hash;
        for (;;) {
            QByteArray chunk = m_file.read(1 << 20);
            if (chunk.isEmpty()) {
                std::lock_guard lock(m_mutex);
                if (m_file.error() != QFileDevice::NoError)
                    m_error = tr("Reading %1 failed: %2").arg(m_file.fileName(), m_file.errorString());
                m_digest = hash.result().toHex();
                m_done = true;
                m_cv.notify_all();
                return;
            }
            hash.addData(chunk);
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_queue.size() < 8 || m_stop; });
            if (m_stop)
                return;
            m_queue.append(std::move(chunk));
            m_cv.notify_all();
        }
    }

    QFile m_file;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    QList<QByteArray> m_queue;
    QByteArray m_digest;
    QString m_error;
    bool m_done = false;
    bool m_stop = false;
};

} // namespace

Status SshSession::uploadFile(const QString &localPath, const QString &remotePath, const UploadOptions &options)
{
    ReadAhead reader(localPath);
    QString why;
    if (!reader.open(&why))
        return Error{tr("Could not open %1 for upload: %2").arg(localPath, why)};
    return uploadWith(
        *this, remotePath, reader.size(), [&]() { return reader.next(); }, options, [&]() { return reader.digest(); });
}

Status SshSession::uploadData(const QByteArray &data, const QString &remotePath, const UploadOptions &options)
{
    Sha256 hash;
    qsizetype offset = 0;
    auto read = [&]() -> Result<QByteArray> {
        const qsizetype n = std::min<qsizetype>(data.size() - offset, 1 << 20);
        QByteArray chunk = data.mid(offset, n);
        hash.addData(chunk);
        offset += n;
        return chunk;
    };
    return uploadWith(*this, remotePath, data.size(), read, options, [&]() { return hash.result().toHex(); });
}

} // namespace FateDeployer

namespace FateDeployer {

ssh_session JumpTunnel::rawSession(SshSession &session)
{
    return session.d->session;
}

void JumpTunnel::detachEvent(SshSession &session)
{
    auto &p = *session.d;
    if (p.event) {
        ssh_event_remove_session(p.event, p.session);
        ssh_event_free(p.event);
        p.event = nullptr;
    }
}

} // namespace FateDeployer
