// SPDX-License-Identifier: Apache-2.0
#include "remote/jumptunnel.h"

#include "remote/sshsession.h"
#include "util/tr.h"

#include <QByteArray>
#include <QCoreApplication>

#include <libssh/libssh.h>

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace FateDeployer {

struct JumpTunnel::Private
{
    std::unique_ptr<SshSession> jump;
    ssh_channel channel = nullptr;
    int local = -1;  // our end of the socketpair
    int remote = -1; // the target session's end
    std::atomic<bool> stop{false};
    std::thread pump;
    int deadPeerMs = 10000;

    void run();
};

JumpTunnel::JumpTunnel()
    : d(std::make_unique<Private>())
{}

JumpTunnel::~JumpTunnel()
{
    d->stop = true;
    if (d->pump.joinable())
        d->pump.join();
    if (d->channel) {
        ssh_channel_close(d->channel);
        ssh_channel_free(d->channel);
    }
    if (d->local >= 0)
        ::close(d->local);
    d->jump.reset();
}

int JumpTunnel::socket() const
{
    return d->remote;
}

Result<std::unique_ptr<JumpTunnel>> JumpTunnel::open(const SshEndpoint &jump,
                                                     Prompter *prompter,
                                                     SecretStore *secrets,
                                                     const CancelToken &cancel,
                                                     const QString &targetHost,
                                                     int targetPort)
{
    std::unique_ptr<JumpTunnel> t(new JumpTunnel);
    // A chain: the jump endpoint names the hops before it (jumpHost), and its session tunnels through them.
    t->d->jump = std::make_unique<SshSession>(jump, prompter, secrets, cancel);
    if (Status st = t->d->jump->connect(); !st)
        return Error{st.error()};
    detachEvent(*t->d->jump);
    ssh_session s = rawSession(*t->d->jump);
    t->d->channel = ssh_channel_new(s);
    if (!t->d->channel
        || ssh_channel_open_forward(t->d->channel, targetHost.toUtf8().constData(), targetPort, "127.0.0.1", 0)
               != SSH_OK)
        return Error{tr("the jump host %1 could not open a connection to %2 port %3 (%4). Check that the jump "
                        "host can reach the target and allows TCP forwarding.")
                         .arg(t->d->jump->displayName(), targetHost)
                         .arg(targetPort)
                         .arg(QString::fromUtf8(ssh_get_error(s)))};
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return Error{tr("could not create a local socket pair: %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    t->d->local = sv[0];
    t->d->remote = sv[1];
    ::fcntl(sv[0], F_SETFL, ::fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    t->d->deadPeerMs = std::max(3000, jump.deadPeerTimeoutSeconds * 1000 / 3);
    t->d->pump = std::thread([p = t->d.get()] { p->run(); });
    return t;
}

void JumpTunnel::Private::run()
{
    ssh_session s = ssh_channel_get_session(channel);
    QByteArray toLocal;
    char buf[65536];
    bool localEof = false;
    qint64 idleMs = 0;
    while (!stop) {
        bool progress = false;
        // channel -> local socket
        if (toLocal.size() < (1 << 20)) {
            const int n = ssh_channel_read_nonblocking(channel, buf, sizeof buf, 0);
            if (n == SSH_ERROR)
                break;
            if (n > 0) {
                toLocal.append(buf, n);
                progress = true;
            }
        }
        if (!toLocal.isEmpty()) {
            const ssize_t w = ::send(local, toLocal.constData(), size_t(toLocal.size()), MSG_NOSIGNAL);
            if (w > 0) {
                toLocal.remove(0, w);
                progress = true;
            } else if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                break; // the target session went away
            }
        }
        if (toLocal.isEmpty() && ssh_channel_is_eof(channel))
            ::shutdown(local, SHUT_WR);
        // local socket -> channel
        const uint32_t window = ssh_channel_window_size(channel);
        if (!localEof && window > 0) {
            const ssize_t r = ::recv(local, buf, std::min<size_t>(sizeof buf, window), 0);
            if (r > 0) {
                if (ssh_channel_write(channel, buf, uint32_t(r)) != r)
                    break;
                progress = true;
            } else if (r == 0) {
                localEof = true;
                ssh_channel_send_eof(channel);
            } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
                break;
            }
        }
        if (ssh_channel_is_closed(channel) || !ssh_is_connected(s))
            break;
        if (progress) {
            idleMs = 0;
            continue;
        }
        pollfd fds[2] = {{local, short(POLLIN | (toLocal.isEmpty() ? 0 : POLLOUT)), 0}, {ssh_get_fd(s), POLLIN, 0}};
        ::poll(fds, 2, 10);
        idleMs += 10;
        if (idleMs > deadPeerMs) {
            ssh_send_ignore(s, "");
            idleMs = 0;
        }
    }
    // Wake the target session: it sees EOF and reports the connection as lost.
    ::shutdown(local, SHUT_RDWR);
}

} // namespace FateDeployer
