// SPDX-License-Identifier: Apache-2.0
// Scripted fake hosts for the engine's unit tests (runner, interpreter, run session).
#pragma once

#include "engineproject.h"
#include "jobs/hostchannel.h"
#include "jobs/interpreter.h"
#include "jobs/remotecommands.h"

#include <functional>
#include <optional>

namespace FateDeployer::Testing {

using Handler = std::function<CommandResult(
    const HostTarget &, const QString &, const CommandRequest &, const HostChannel::LineSink &, const CancelToken &)>;

class FakeChannel : public HostChannel
{
public:
    FakeChannel(HostTarget target, CancelToken cancel, Handler handler, std::function<Status()> onConnect)
        : m_target(std::move(target))
        , m_cancel(std::move(cancel))
        , m_handler(std::move(handler))
        , m_onConnect(std::move(onConnect))
    {}
    Status connect() override { return m_onConnect ? m_onConnect() : Status(); }
    CommandResult exec(const CommandRequest &request, const LineSink &sink) override
    {
        if (request.producer) {
            char buf[4096];
            while (request.producer(buf, sizeof buf) > 0) {
            }
        }
        const QString text = request.command.toString().remove(QLatin1Char(0x27));
        if (text.contains(QLatin1String("@@fd-fact ")))
            return hostFacts(text, request, sink);
        return m_handler(m_target, text, request, sink, m_cancel);
    }

    /// RemoteCommands::hostFacts as the real script answers it, from the handler's answers to each fact's
    /// own command: every test's host behaves the same whether a fact is asked alone or with the others.
    CommandResult hostFacts(const QString &text, const CommandRequest &request, const LineSink &sink)
    {
        using RemoteCommands::HostFact;
        const qsizetype at = text.indexOf(QLatin1String(" facts="));
        const QStringList names = text.mid(at + 7).section(QLatin1Char(' '), 0, 0).split(QLatin1Char(','));
        QString out;
        int lastStatus = 0;
        for (HostFact f : {HostFact::Docker,
                           HostFact::Compose,
                           HostFact::ComposeV1,
                           HostFact::ComposeV2,
                           HostFact::Disk,
                           HostFact::Ports,
                           HostFact::Arch}) {
            const QString name = RemoteCommands::hostFactName(f);
            const bool asked = f == HostFact::ComposeV2 ? names.contains(QLatin1String("compose-v1")) && lastStatus != 0
                                                        : names.contains(name);
            if (!asked)
                continue;
            CommandRequest one = request;
            one.command = RemoteCommands::factCommand(f, m_target.baseDir);
            // as the real script: the section's start, what the command prints as it comes, its end
            const auto put = [&](OutputStream stream, const QString &line) {
                out += line + QLatin1Char('\n');
                sink(stream, line);
            };
            put(OutputStream::Stdout, QStringLiteral("@@fd-fact ") + name);
            const auto capture = [&](OutputStream, const QString &line) { put(OutputStream::Stdout, line); };
            const CommandResult r
                = m_handler(m_target, one.command.toString().remove(QLatin1Char(0x27)), one, capture, m_cancel);
            if (!r.error.isEmpty() || r.timedOut || r.idle || r.cancelled || r.connectionLost)
                return r; // the whole script failed with it
            lastStatus = r.exitStatus;
            for (const QString &line : r.stdoutText.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                put(OutputStream::Stdout, line);
            put(OutputStream::Stdout, QStringLiteral("@@fd-fact-end %1 %2").arg(name).arg(r.exitStatus));
            if (!r.stderrText.isEmpty()) {
                put(OutputStream::Stdout, QStringLiteral("@@fd-fact-stderr"));
                for (const QString &line : r.stderrText.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    put(OutputStream::Stdout, line);
            }
        }
        CommandResult all;
        all.exitStatus = 0;
        all.stdoutText = out;
        return all;
    }

private:
    HostTarget m_target;
    CancelToken m_cancel;
    Handler m_handler;
    std::function<Status()> m_onConnect;
};

inline CommandResult okResult(const QString &out = {})
{
    CommandResult r;
    r.exitStatus = 0;
    r.stdoutText = out;
    return r;
}

/// A healthy host: Docker 20.10, docker-compose 1.29, plenty of space, all running.
inline CommandResult healthy(const HostTarget &t,
                             const QString &cmd,
                             const CommandRequest &,
                             const HostChannel::LineSink &sink,
                             const CancelToken &)
{
    if (cmd.startsWith(QLatin1String("docker version")))
        return okResult(QStringLiteral("20.10.24\n"));
    if (cmd.startsWith(QLatin1String("docker-compose version")))
        return okResult(QStringLiteral("1.29.2\n"));
    if (cmd.contains(QLatin1String("command -v docker-compose")) && cmd.contains(QLatin1String("echo v1")))
        return okResult(QStringLiteral("v1\n")); // the compose probe
    if (cmd.contains(QLatin1String("df -Pk")))
        return okResult(QStringLiteral("Filesystem 1024-blocks Used Available Capacity Mounted on\n"
                                       "/dev/sda1 100000000 1000 99999000 1% /\n"));
    if (cmd.contains(QLatin1String("ss -ltn")))
        return okResult(QStringLiteral("LISTEN 0 128 *:22 *:*\n"));
    if (cmd.startsWith(QLatin1String("uname")))
        return okResult(QStringLiteral("x86_64\n"));
    if (cmd.contains(QLatin1String("mktemp -d")) && cmd.contains(QLatin1String("fd-docker-config-")))
        return okResult(QStringLiteral("/tmp/fd-docker-config-Ab3dE9\n"));
    if (cmd.contains(QLatin1String("docker ps -a --filter")) && cmd.contains(QLatin1String("--format"))) {
        QString out;
        const QStringList services = t.partyId ? partyServices() : QStringList{QStringLiteral("exchange")};
        for (const QString &s : services)
            out += QStringLiteral("p_%1_1|%1|Up 5 seconds\n").arg(s);
        return okResult(out);
    }
    if (cmd.contains(QLatin1String("docker inspect"))) {
        QString out;
        const QStringList services = t.partyId ? partyServices() : QStringList{QStringLiteral("exchange")};
        for (const QString &s : services)
            out += QStringLiteral(
                       "abc|/p_%1_1|%1|0|img|{}|{\"Status\":\"running\",\"StartedAt\":\"2026-11-29T19:00:00Z\"}\n")
                       .arg(s);
        return okResult(out);
    }
    sink(OutputStream::Stdout, QStringLiteral("done"));
    return okResult();
}

/// One command as a fake host receives it; `const auto &[t, c, r, sink, k] = call;` names its parts.
struct FakeCall
{
    const HostTarget &target;
    const QString &command;
    const CommandRequest &request;
    const HostChannel::LineSink &sink;
    const CancelToken &cancel;
};

/// A healthy host, except for the commands @p react answers (it returns nothing for the others).
inline Handler healthyExcept(std::function<std::optional<CommandResult>(const FakeCall &)> react)
{
    return [react = std::move(react)](const HostTarget &t,
                                      const QString &c,
                                      const CommandRequest &r,
                                      const HostChannel::LineSink &sink,
                                      const CancelToken &k) {
        if (std::optional<CommandResult> answer = react(FakeCall{t, c, r, sink, k}))
            return *std::move(answer);
        return healthy(t, c, r, sink, k);
    };
}

inline ChannelFactory factoryFor(Handler handler, std::function<Status()> onConnect = {})
{
    return [handler, onConnect](const HostTarget &t, const CancelToken &cancel) {
        return std::make_unique<FakeChannel>(t, cancel, handler, onConnect);
    };
}

} // namespace FateDeployer::Testing
