// SPDX-License-Identifier: Apache-2.0
// Benchmark (not a test): uploads 200 MB to a sandbox host with SshSession::uploadFile (verified, renamed) and
// with OpenSSH's scp, alternating, several runs; prints the median ratio of our throughput to scp's.
// Optionally repeats through a local delay proxy for 2 ms and 10 ms round trips.
// Usage: bench_upload [--runs N] [--mb M] [--no-latency] [--scp-cipher C] [--breakdown]; needs root (sandbox instance
// FD_SANDBOX_ID 11).
#include "remote/sshsession.h"

#include "sandboxfixture.h"
#include "sandboxids.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace FateDeployer;
using FateDeployer::Testing::SandboxFixture;
namespace SandboxId = FateDeployer::Testing::SandboxId;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int InstanceId = SandboxId::BenchUpload;

/// A TCP proxy on 127.0.0.1 that delays every byte by half the round trip in each direction.
class DelayProxy
{
public:
    DelayProxy(const QString &targetIp, int targetPort, int rttMs)
        : m_target(targetIp.toStdString())
        , m_targetPort(targetPort)
        , m_oneWay(std::chrono::microseconds(rttMs * 500))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        int on = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listen, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_listen, 8);
        socklen_t len = sizeof a;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&a), &len);
        m_port = ntohs(a.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }
    ~DelayProxy()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_acceptor.join();
        for (auto &t : m_threads)
            t.join();
    }
    int port() const { return m_port; }

private:
    struct Pipe
    {
        std::mutex mutex;
        std::condition_variable cv;
        std::deque<std::pair<Clock::time_point, std::vector<char>>> queue;
        bool eof = false;
    };

    void acceptLoop()
    {
        for (;;) {
            const int client = ::accept(m_listen, nullptr, nullptr);
            if (client < 0 || m_stop)
                return;
            const int server = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(uint16_t(m_targetPort));
            ::inet_pton(AF_INET, m_target.c_str(), &a.sin_addr);
            if (::connect(server, reinterpret_cast<sockaddr *>(&a), sizeof a) != 0) {
                ::close(client);
                ::close(server);
                continue;
            }
            int on = 1;
            ::setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            ::setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            auto up = std::make_shared<Pipe>();
            auto down = std::make_shared<Pipe>();
            m_threads.emplace_back([=, this] { reader(client, up); });
            m_threads.emplace_back([=, this] { writer(server, up); });
            m_threads.emplace_back([=, this] { reader(server, down); });
            m_threads.emplace_back([=, this] { writer(client, down); });
        }
    }
    void reader(int fd, std::shared_ptr<Pipe> pipe)
    {
        std::vector<char> buf(256 * 1024);
        for (;;) {
            const ssize_t n = ::read(fd, buf.data(), buf.size());
            std::lock_guard lock(pipe->mutex);
            if (n <= 0) {
                pipe->eof = true;
                pipe->cv.notify_all();
                return;
            }
            pipe->queue.emplace_back(Clock::now() + m_oneWay, std::vector<char>(buf.begin(), buf.begin() + n));
            pipe->cv.notify_all();
        }
    }
    void writer(int fd, std::shared_ptr<Pipe> pipe)
    {
        for (;;) {
            std::unique_lock lock(pipe->mutex);
            pipe->cv.wait(lock, [&] { return !pipe->queue.empty() || pipe->eof; });
            if (pipe->queue.empty()) {
                ::shutdown(fd, SHUT_WR);
                return;
            }
            auto [when, data] = std::move(pipe->queue.front());
            pipe->queue.pop_front();
            lock.unlock();
            std::this_thread::sleep_until(when);
            size_t off = 0;
            while (off < data.size()) {
                const ssize_t w = ::write(fd, data.data() + off, data.size() - off);
                if (w <= 0)
                    return;
                off += size_t(w);
            }
        }
    }

    std::string m_target;
    int m_targetPort;
    std::chrono::microseconds m_oneWay;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_acceptor;
    std::vector<std::thread> m_threads;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Target
{
    QString host;
    int port = 22;
    QString hostKeyAlias; ///< for scp through the proxy
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int runs = 5;
    int mb = 200;
    bool latency = true;
    bool breakdown = false; // also time connect, a raw 200 MB stream into /dev/null, and the verified upload
    QString scpCipher;      // empty = OpenSSH's default (chacha20-poly1305); ours prefers aes128-gcm
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--runs" && i + 1 < args.size())
            runs = args[++i].toInt();
        else if (args[i] == u"--mb" && i + 1 < args.size())
            mb = args[++i].toInt();
        else if (args[i] == u"--no-latency")
            latency = false;
        else if (args[i] == u"--breakdown")
            breakdown = true;
        else if (args[i] == u"--scp-cipher" && i + 1 < args.size())
            scpCipher = args[++i];
    }
    QString why;
    if (!SandboxFixture::canRun(&why)) {
        std::fprintf(stderr, "bench_upload: sandbox unavailable: %s\n", qPrintable(why));
        return 77;
    }
    qunsetenv("SSH_AUTH_SOCK");
    SandboxFixture sandbox(InstanceId);
    QString error;
    if (!sandbox.start(1, &error)) {
        std::fprintf(stderr, "bench_upload: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir tmp;
    const QString local = tmp.filePath(QStringLiteral("payload.bin"));
    {
        QFile f(local);
        f.open(QIODevice::WriteOnly);
        QByteArray block(1 << 20, Qt::Uninitialized);
        quint64 x = 0x9E3779B97F4A7C15ull;
        for (int i = 0; i < mb; ++i) {
            for (qsizetype j = 0; j + 8 <= block.size(); j += 8) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                memcpy(block.data() + j, &x, 8);
            }
            f.write(block);
        }
    }
    const double megabytes = double(mb) * 1048576.0 / 1e6;
    const QString knownHosts = tmp.filePath(QStringLiteral("known_hosts"));
    QFile::copy(sandbox.knownHostsPath(), knownHosts);

    auto measure = [&](const Target &t, const QString &label) -> double {
        if (breakdown) {
            SshEndpoint e;
            e.host = t.host;
            e.port = t.port;
            e.user = QStringLiteral("root");
            e.identityFile = sandbox.clientKeyPath();
            e.auth = AuthMethod::PublicKey;
            e.knownHostsFile = knownHosts;
            e.sshConfigFile = QStringLiteral("none");
            e.hostKeyPolicy = HostKeyPolicy::AcceptNew;
            QElapsedTimer timer;
            timer.start();
            SshSession s(e, nullptr, nullptr);
            if (!s.connect())
                return -1;
            const double connectSec = double(timer.nsecsElapsed()) / 1e9;
            const QByteArray chunk(1 << 20, 'x');
            int sentChunks = 0;
            timer.restart();
            auto raw = s.streamInto(ShellCommand(u"cat").redirectOut(u"/dev/null"),
                                    [&]() -> Result<QByteArray> { return ++sentChunks <= mb ? chunk : QByteArray(); });
            const double rawSec = double(timer.nsecsElapsed()) / 1e9;
            timer.restart();
            const Status up = s.uploadFile(local, QStringLiteral("/tmp/bench-ours.bin"));
            const double upSec = double(timer.nsecsElapsed()) / 1e9;
            std::printf("%s breakdown: connect+auth %.3f s, raw stream %.1f MB/s, verified upload %.1f MB/s%s\n",
                        qPrintable(label),
                        connectSec,
                        megabytes / rawSec,
                        megabytes / upSec,
                        raw.ok() && up.ok() ? "" : " (failed)");
        }
        std::vector<double> ratios;
        std::vector<double> ours;
        std::vector<double> theirs;
        for (int run = 0; run < runs; ++run) {
            // ours: connect + verified upload + rename (the whole user-visible operation)
            SshEndpoint e;
            e.host = t.host;
            e.port = t.port;
            e.user = QStringLiteral("root");
            e.identityFile = sandbox.clientKeyPath();
            e.auth = AuthMethod::PublicKey;
            e.knownHostsFile = knownHosts;
            e.sshConfigFile = QStringLiteral("none");
            e.hostKeyPolicy = HostKeyPolicy::AcceptNew;
            QElapsedTimer timer;
            timer.start();
            SshSession s(e, nullptr, nullptr);
            Status st = s.connect();
            if (st)
                st = s.uploadFile(local, QStringLiteral("/tmp/bench-ours.bin"));
            const double oursSec = double(timer.nsecsElapsed()) / 1e9;
            if (!st) {
                std::fprintf(stderr, "bench_upload: our upload failed: %s\n", qPrintable(st.error()));
                return -1;
            }
            s.exec(ShellCommand(u"rm").args({u"-f", u"/tmp/bench-ours.bin"}));
            s.disconnect();

            QStringList scpArgs = {QStringLiteral("-q"),
                                   QStringLiteral("-o"),
                                   QStringLiteral("BatchMode=yes"),
                                   QStringLiteral("-o"),
                                   u"UserKnownHostsFile=" + knownHosts,
                                   QStringLiteral("-o"),
                                   QStringLiteral("StrictHostKeyChecking=accept-new"),
                                   QStringLiteral("-i"),
                                   sandbox.clientKeyPath(),
                                   QStringLiteral("-P"),
                                   QString::number(t.port)};
            if (!scpCipher.isEmpty())
                scpArgs << QStringLiteral("-c") << scpCipher;
            if (!t.hostKeyAlias.isEmpty())
                scpArgs << QStringLiteral("-o") << u"HostKeyAlias=" + t.hostKeyAlias;
            scpArgs << local << QStringLiteral("root@%1:/tmp/bench-scp.bin").arg(t.host);
            timer.restart();
            const int rc = QProcess::execute(QStringLiteral("scp"), scpArgs);
            const double scpSec = double(timer.nsecsElapsed()) / 1e9;
            if (rc != 0) {
                std::fprintf(stderr, "bench_upload: scp failed (%d)\n", rc);
                return -1;
            }
            sandbox.runOnHost(1, QStringLiteral("rm -f /tmp/bench-scp.bin"));
            const double ratio = (megabytes / oursSec) / (megabytes / scpSec);
            ours.push_back(megabytes / oursSec);
            theirs.push_back(megabytes / scpSec);
            ratios.push_back(ratio);
            std::printf("%s run %d: ours %.1f MB/s (%.2f s), scp %.1f MB/s (%.2f s), ratio %.3f\n",
                        qPrintable(label),
                        run + 1,
                        megabytes / oursSec,
                        oursSec,
                        megabytes / scpSec,
                        scpSec,
                        ratio);
            std::fflush(stdout);
        }
        const double m = median(ratios);
        std::printf("%s median: ours %.1f MB/s, scp %.1f MB/s, ratio %.3f\n",
                    qPrintable(label),
                    median(ours),
                    median(theirs),
                    m);
        return m;
    };

    std::printf("bench_upload: %d MB, %d runs each, sandbox host %s; ours = connect + upload to temp + remote "
                "size/sha256 check + rename; scp = plain scp (cipher %s)\n",
                mb,
                runs,
                qPrintable(sandbox.hostIp(1)),
                scpCipher.isEmpty() ? "default" : qPrintable(scpCipher));
    const double direct = measure(Target{sandbox.hostIp(1), 22, {}}, QStringLiteral("direct"));
    if (direct < 0)
        return 1;
    if (latency) {
        for (int rtt : {2, 10}) {
            DelayProxy proxy(sandbox.hostIp(1), 22, rtt);
            const double r = measure(Target{QStringLiteral("127.0.0.1"), proxy.port(), sandbox.hostIp(1)},
                                     QStringLiteral("rtt %1ms").arg(rtt));
            if (r >= 0)
                std::printf("upload_vs_scp_rtt%dms=%.3f\n", rtt, r);
        }
    }
    std::printf("upload_vs_scp=%.3f\n", direct);
    return 0;
}
