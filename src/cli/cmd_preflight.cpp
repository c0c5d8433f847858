// SPDX-License-Identifier: Apache-2.0
// The engine's CLI commands share one runner front end (here); each cmd_<name>.cpp selects its operation.
#include "cli/cliapp.h"
#include "cli/consoleprompter.h"
#include "jobs/daytwo.h"
#include "kubefate/kubefateimporter.h"
#include "model/projectfile.h"
#include "model/validation.h"
#include "session/runsession.h"
#include "settings/secretstore.h"
#include "templates/templatesource.h"
#include "util/signalguard.h"
#include "util/tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

namespace FateDeployer {

namespace {

/// What one host looks like in the compact terminal display.
struct HostLine
{
    QString key;
    QString address;
    int step = 0;
    int steps = 0;
    QString current;
    QString state;
    QString lastOutput;
    QString progress;           ///< the running step's progress in words
    qint64 progressPrinted = 0; ///< ms; plain output prints progress at most every few seconds
};

// The terminal shows a step that has not finished yet as running.
QString resultWord(StepResult r)
{
    return stepResultTitle(r == StepResult::Pending ? StepResult::Running : r);
}

} // namespace

int cliEngineCommand(Operation op, CliContext &c, bool apply)
{
    // Ctrl+C and SIGTERM from the first instant (template download, rendering and packing included): recorded,
    // then handled where the temporary folder and the hosts can be left clean. Exit 130 / 143 after such a cancel.
    SignalGuard signalGuard;
    const QString name = apply ? QStringLiteral("apply") : operationName(op);
    QCommandLineParser parser;
    parser.setApplicationDescription(apply ? tr("Apply the change plan: deploy only the changed and new hosts, "
                                                "tear down the hosts of parties that left")
                                           : operationTitle(op));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("the .fdproj file"));
    const QCommandLineOption party(QStringLiteral("party"), tr("only this party (repeatable)"), tr("ID"));
    const QCommandLineOption exchange(QStringLiteral("exchange"), tr("include the exchange host"));
    const QCommandLineOption jobs(
        QStringLiteral("jobs"), tr("hosts in parallel (default 8)"), tr("N"), QStringLiteral("8"));
    const QCommandLineOption json(QStringLiteral("json"), tr("print the report as JSON"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-host-keys"),
                                       tr("remember unknown host keys (changed keys are always refused)"));
    const QCommandLineOption yes(QStringLiteral("yes"), tr("do not ask for confirmation"));
    const QCommandLineOption knownHosts(
        QStringLiteral("known-hosts"), tr("known_hosts file (default ~/.ssh/known_hosts)"), tr("FILE"));
    const QCommandLineOption sshConfig(QStringLiteral("ssh-config"), tr("ssh config file, or \"none\""), tr("FILE"));
    const QCommandLineOption verbose(QStringLiteral("verbose"), tr("print every output line of the hosts"));
    const QCommandLineOption noHistory(QStringLiteral("no-history"), tr("do not store the run in the history"));
    const QCommandLineOption noKeychain(QStringLiteral("no-keychain"), tr("do not use the OS keychain"));
    const QCommandLineOption level(QStringLiteral("level"),
                                   tr("teardown level: stop, down, or remove (down and delete the folders)"),
                                   tr("LEVEL"),
                                   QStringLiteral("down"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"), tr("seconds (verify: toy example; deploy: start)"), tr("S"));
    const QCommandLineOption inactivity(
        QStringLiteral("inactivity-timeout"),
        tr("a remote command that prints nothing and moves no data for S seconds fails (default 900)"),
        tr("S"));
    const QCommandLineOption deadline(QStringLiteral("command-deadline"),
                                      tr("overall limit for each remote command in seconds (default none)"),
                                      tr("S"));
    const QCommandLineOption pull(QStringLiteral("pull"), tr("pull every image before starting"));
    const QCommandLineOption breakLock(QStringLiteral("break-lock"),
                                       tr("take over a stale host lock (left by a run that is gone, or older than "
                                          "2 hours); only when nobody else is running on these hosts"));
    const QCommandLineOption load(QStringLiteral("load-images"),
                                  tr("docker save archive to load where images are missing (repeatable)"),
                                  tr("FILE"));
    const QCommandLineOption secretsFrom(
        QStringLiteral("secrets-from"),
        tr("take the services' passwords (v1.11 and later) from this KubeFATE parties.conf instead of the keychain; "
           "they go to the hosts only and are stored nowhere"),
        QStringLiteral("FILE"));
    const QCommandLineOption allPairs(QStringLiteral("all-pairs"),
                                      tr("the toy grid: every ordered pair of parties (guest → host), each on its "
                                         "guest's host, in parallel where FATE allows"));
    const QCommandLineOption pair(
        QStringLiteral("pair"), tr("a cell of the toy grid: guest G, host H (repeatable)"), tr("G:H"));
    for (const QCommandLineOption &o : {party,
                                        exchange,
                                        jobs,
                                        json,
                                        acceptNew,
                                        knownHosts,
                                        sshConfig,
                                        verbose,
                                        noHistory,
                                        noKeychain,
                                        inactivity,
                                        deadline})
        parser.addOption(o);
    if (op == Operation::Teardown)
        parser.addOption(level);
    if (op == Operation::Teardown || op == Operation::Rollback || apply)
        parser.addOption(yes);
    if (op == Operation::Teardown || op == Operation::Deploy || op == Operation::Rollback)
        parser.addOption(breakLock);
    if (op == Operation::Verify || op == Operation::Deploy || op == Operation::Rollback)
        parser.addOption(timeout);
    if (op == Operation::Verify) {
        parser.addOption(allPairs);
        parser.addOption(pair);
    }
    if (op == Operation::Deploy) {
        parser.addOption(pull);
        parser.addOption(load);
        parser.addOption(secretsFrom);
    }
    if (const int code = parseCliOptions(parser, name, c); code >= 0)
        return code;
    if (parser.positionalArguments().size() != 1) {
        c.err << tr("%1 needs exactly one PROJECT file").arg(name) << '\n';
        return ExitUsage;
    }
    const QString projectPath = parser.positionalArguments().first();
    const Result<Project> loaded = ProjectFile::load(projectPath);
    if (!loaded) {
        c.err << loaded.error() << '\n';
        return ExitFailure;
    }
    const Project &project = loaded.value();
    const QList<ValidationIssue> issues = Validator::validate(project);
    if (Validator::hasErrors(issues)) {
        for (const ValidationIssue &issue : issues)
            if (issue.severity == ValidationIssue::Severity::Error)
                c.err << tr("error") << ": " << issue.toString() << '\n';
        return ExitFailure;
    }

    if (apply && (parser.isSet(party) || parser.isSet(exchange))) {
        c.err << tr("apply selects the hosts from the change plan; --party and --exchange are for deploy") << '\n';
        return ExitUsage;
    }
    if (apply && parser.isSet(noHistory)) {
        c.err << tr("apply records what it deployed for the next plan; it cannot run with --no-history") << '\n';
        return ExitUsage;
    }
    Selection selection;
    for (const QString &value : parser.values(party)) {
        bool ok = false;
        const int id = value.toInt(&ok);
        if (!ok || !project.party(id)) {
            c.err << tr("--party %1: no such party in %2").arg(value, projectPath) << '\n';
            return ExitUsage;
        }
        selection.parties.append(id);
    }
    selection.exchange = parser.isSet(exchange);

    RunSettings settings;
    settings.operation = op;
    if (op == Operation::Verify && (parser.isSet(allPairs) || parser.isSet(pair))) {
        if (parser.isSet(party) || parser.isSet(exchange)) {
            c.err << tr("--all-pairs and --pair choose the pairs themselves; leave out --party and --exchange") << '\n';
            return ExitUsage;
        }
        if (parser.isSet(allPairs))
            settings.toyPairs = DayTwo::allToyPairs(project);
        for (const QString &value : parser.values(pair)) {
            const QStringList ids = value.split(QLatin1Char(':'));
            bool okGuest = false, okHost = false;
            const int g = ids.value(0).toInt(&okGuest);
            const int h = ids.value(1).toInt(&okHost);
            if (ids.size() != 2 || !okGuest || !okHost || !project.party(g) || !project.party(h)) {
                c.err << tr("--pair %1: give two party ids of %2 as GUEST:HOST").arg(value, projectPath) << '\n';
                return ExitUsage;
            }
            if (project.party(g)->external) {
                c.err << tr("--pair %1: party %2 is another team's; the toy example runs on the guest's host, which "
                            "this project does not reach")
                             .arg(value)
                             .arg(g)
                      << '\n';
                return ExitUsage;
            }
            if (!settings.toyPairs.contains(ToyPair{g, h}))
                settings.toyPairs.append(ToyPair{g, h});
        }
        if (settings.toyPairs.isEmpty()) {
            c.err << tr("the toy grid needs two parties, one of them deployed by this project") << '\n';
            return ExitUsage;
        }
        settings.maxJobsPerHost = DayTwo::toyJobsPerGuest(project);
    }
    bool ok = false;
    settings.maxParallelHosts = parser.value(jobs).toInt(&ok);
    if (!ok || settings.maxParallelHosts < 1 || settings.maxParallelHosts > 64) {
        c.err << tr("--jobs must be a number from 1 to 64") << '\n';
        return ExitUsage;
    }
    for (const auto &[option, field] : {std::pair{&inactivity, &settings.inactivityTimeoutSeconds},
                                        std::pair{&deadline, &settings.commandDeadlineSeconds}}) {
        if (!parser.isSet(*option))
            continue;
        *field = parser.value(*option).toInt(&ok);
        if (!ok || *field < 1) {
            c.err << tr("--%1 must be a positive number of seconds").arg(option->names().first()) << '\n';
            return ExitUsage;
        }
    }
    settings.breakStaleLock = (op == Operation::Deploy || op == Operation::Teardown || op == Operation::Rollback)
                              && parser.isSet(breakLock);
    settings.verifyTimeoutSeconds = project.verification.timeoutSeconds;
    if ((op == Operation::Verify || op == Operation::Deploy || op == Operation::Rollback) && parser.isSet(timeout)) {
        const int seconds = parser.value(timeout).toInt(&ok);
        if (!ok || seconds < 1) {
            c.err << tr("--timeout must be a positive number of seconds") << '\n';
            return ExitUsage;
        }
        if (op == Operation::Verify)
            settings.verifyTimeoutSeconds = seconds;
        else
            settings.startTimeoutSeconds = seconds;
    }
    if (op == Operation::Teardown) {
        const QString l = parser.value(level);
        if (l == QLatin1String("stop"))
            settings.teardownLevel = TeardownLevel::Stop;
        else if (l == QLatin1String("down"))
            settings.teardownLevel = TeardownLevel::Down;
        else if (l == QLatin1String("remove"))
            settings.teardownLevel = TeardownLevel::Remove;
        else {
            c.err << tr("--level must be stop, down or remove") << '\n';
            return ExitUsage;
        }
    }
    if (op == Operation::Deploy) {
        settings.pull = parser.isSet(pull);
        settings.imageArchives = parser.values(load);
        for (const QString &archive : std::as_const(settings.imageArchives))
            if (!QFileInfo(archive).isFile()) {
                c.err << tr("--load-images %1: no such file").arg(archive) << '\n';
                return ExitUsage;
            }
    }

    // Secrets: the OS keychain when a session bus exists (or never with --no-keychain).
    std::shared_ptr<SecretStore> secrets;
    if (!parser.isSet(noKeychain) && !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        secrets = std::make_shared<KeychainSecretStore>();
    else
        secrets = std::make_shared<MemorySecretStore>();

    RunRequest request;
    if (op == Operation::Deploy && parser.isSet(secretsFrom)) {
        KubefateImporter importer;
        if (Result<Project> read = importer.importFiles(parser.value(secretsFrom)); !read) {
            c.err << read.error() << '\n';
            return ExitUsage;
        }
        request.serviceSecrets = importer.secrets();
    }
    request.project = project;
    request.projectPath = projectPath;
    request.selection = selection;
    request.settings = settings;
    const Plan plan = RunSession::plan(request);
    if (plan.jobs.isEmpty() && !apply) {
        c.err << tr("nothing selected: the project has no such hosts") << '\n';
        return ExitUsage;
    }

    if ((op == Operation::Teardown || op == Operation::Rollback) && !parser.isSet(yes)) {
        QStringList hosts;
        for (const HostJob &j : std::as_const(plan.jobs))
            hosts.append(j.target.label);
        if (!ConsolePrompter::stdinIsTerminal()) {
            c.err << (op == Operation::Rollback
                          ? tr("rollback of %1 needs confirmation: add --yes").arg(hosts.join(QStringLiteral(", ")))
                          : tr("teardown (%1) of %2 needs confirmation: add --yes")
                                .arg(parser.value(level), hosts.join(QStringLiteral(", "))))
                  << '\n';
            return ExitUsage;
        }
        c.err << (op == Operation::Rollback
                      ? tr("Roll back %1 to the previous bundle and restart it? [y/N] ")
                            .arg(hosts.join(QStringLiteral(", ")))
                      : tr("Tear down (%1) %2? [y/N] ").arg(parser.value(level), hosts.join(QStringLiteral(", "))));
        c.err.flush();
        char answer[16] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
            c.err << tr("nothing done") << '\n';
            return ExitFailure;
        }
    }

    // A URL template source is downloaded here if needed (the session only reads the cache): deploy and
    // preflight need the rendered bundles; status uses them when it can.
    if ((op == Operation::Deploy || op == Operation::Preflight || op == Operation::Status)
        && project.templates.kind == TemplateSource::Kind::Url) {
        const Result<TemplateTree> tree
            = cliTemplateTree(project.templates, QFileInfo(projectPath).absolutePath(), c.err);
        if (!tree && op != Operation::Status && !SignalGuard::cancelled()) {
            c.err << tree.error() << '\n';
            return ExitFailure;
        }
    }
    if (SignalGuard::cancelled()) {
        c.err << tr("cancelled before any host was contacted") << '\n';
        return SignalGuard::exitCode();
    }

    // The run itself is the engine's RunSession, the same as the window's; this is its terminal view.
    // apply runs two (deploy of the changed hosts, teardown of the removed ones), so it is a function of the request.
    auto runRequest = [&](const RunRequest &runRequestArg, const Plan &runPlan) -> int {
        const Operation runOp = runRequestArg.settings.operation;
        const RunSettings &runSettings = runRequestArg.settings;
        ConsolePrompter prompter;
        SessionEnvironment env;
        env.secrets = secrets;
        env.prompter = &prompter;
        env.hostKeyPolicy = parser.isSet(acceptNew)              ? HostKeyPolicy::AcceptNew
                            : ConsolePrompter::stdinIsTerminal() ? HostKeyPolicy::Ask
                                                                 : HostKeyPolicy::Refuse;
        if (parser.isSet(knownHosts))
            env.knownHostsFile = parser.value(knownHosts);
        env.sshConfigFile = parser.value(sshConfig);
        env.storeHistory = !parser.isSet(noHistory);
        RunSession session(env);

        const bool compact = c.stdoutIsTerminal && !parser.isSet(json) && !parser.isSet(verbose);
        const bool plain = !parser.isSet(json);
        QList<HostLine> lines;
        QHash<QString, int> index;
        for (const HostJob &j : std::as_const(runPlan.jobs)) {
            index.insert(j.target.key, int(lines.size()));
            lines.append(
                HostLine{j.target.key, j.target.address, 0, int(j.steps.size()), QString(), tr("waiting"), {}, {}, 0});
        }
        int drawn = 0;
        auto redraw = [&]() {
            if (!compact)
                return;
            if (drawn > 0)
                c.out << "\x1b[" << drawn << 'A';
            for (const HostLine &l : std::as_const(lines)) {
                QString tail = l.progress.isEmpty() ? l.lastOutput.left(60) : l.progress.left(100);
                c.out << "\x1b[2K" << l.key.leftJustified(14) << ' ' << l.address.leftJustified(15) << ' '
                      << QStringLiteral("[%1/%2]").arg(l.step).arg(l.steps).leftJustified(8) << ' '
                      << l.current.leftJustified(20) << ' ' << l.state.leftJustified(10) << ' ' << tail << '\n';
            }
            drawn = int(lines.size());
            c.out.flush();
        };

        QObject::connect(&session, &RunSession::preparing, [&](int done, int total) {
            if (plain && !compact && done == 0)
                c.out << tr("Preparing %n bundle(s)...", nullptr, total) << '\n';
        });
        QElapsedTimer progressClock;
        progressClock.start();
        QObject::connect(&session, &RunSession::hostEvents, [&](const QString &host, const QList<JobEvent> &events) {
            HostLine &l = lines[index.value(host)];
            for (const JobEvent &e : events) {
                switch (e.type) {
                case JobEvent::Type::StepStarted:
                    l.progress.clear();
                    l.progressPrinted = -5000;
                    l.step = e.stepIndex + 1;
                    l.current = stepKindTitle(e.step->kind);
                    l.state = tr("running");
                    break;
                case JobEvent::Type::StepFinished:
                    l.state = resultWord(e.step->result);
                    if (plain && !compact && e.step->result != StepResult::Skipped) {
                        c.out << host << ": " << stepKindTitle(e.step->kind) << ": " << resultWord(e.step->result);
                        if (!e.step->summary.isEmpty())
                            c.out << " - " << e.step->summary;
                        c.out << " (" << formatSeconds(e.step->durationMs) << ")\n";
                    }
                    break;
                case JobEvent::Type::Output:
                    if (e.line.stream != OutputStream::Info)
                        l.lastOutput = e.line.text.simplified();
                    if (plain && parser.isSet(verbose))
                        c.out << host << " | " << e.line.sequence << ' ' << e.line.text << '\n';
                    break;
                case JobEvent::Type::StepProgress:
                    l.progress = e.progressText;
                    if (plain && !compact && progressClock.elapsed() - l.progressPrinted >= 5000) {
                        l.progressPrinted = progressClock.elapsed();
                        c.out << host << ": " << l.current << ": " << l.progress << '\n';
                    }
                    break;
                case JobEvent::Type::Progress:
                    break;
                case JobEvent::Type::HostFinished:
                    l.state = resultWord(e.outcome->result);
                    l.current = e.outcome->failedStep() ? stepKindTitle(e.outcome->failedStep()->kind) : tr("done");
                    l.lastOutput.clear();
                    break;
                }
            }
            if (plain && !compact)
                c.out.flush();
        });
        QTimer redrawTimer;
        redrawTimer.setInterval(200);
        QObject::connect(&redrawTimer, &QTimer::timeout, redraw);

        QEventLoop loop;
        RunReport report;
        QString abortedWith;
        QObject::connect(&session, &RunSession::aborted, [&](const QString &message, ErrorKind) {
            abortedWith = message;
            loop.quit();
        });
        QObject::connect(&session, &RunSession::stored, [&](qint64, const QString &error) {
            if (!error.isEmpty())
                c.err << error << '\n';
        });
        QObject::connect(&session, &RunSession::finished, [&](const RunReport &r) {
            report = r;
            loop.quit();
        });
        // Ctrl+C cancels the run (every host stops promptly, no half-swapped folder); a second one is fatal.
        QTimer sigintPoll;
        sigintPoll.setInterval(100);
        bool cancelling = false;
        QObject::connect(&sigintPoll, &QTimer::timeout, [&]() {
            if (SignalGuard::cancelled() && !cancelling) {
                cancelling = true;
                c.err << '\n' << tr("cancelling...") << '\n';
                c.err.flush();
                session.cancel(); // while preparing: packing stops at its next file
            }
        });
        sigintPoll.start();
        if (const Status s = session.start(runRequestArg); !s) {
            c.err << s.error() << '\n';
            return ExitFailure;
        }
        if (plain && !compact)
            c.out << tr("%1 of %2 on %3 host(s), %4 in parallel")
                         .arg(operationTitle(runOp), project.name)
                         .arg(runPlan.jobs.size())
                         .arg(runSettings.maxParallelHosts)
                  << '\n';
        redraw();
        redrawTimer.start();
        loop.exec();
        redrawTimer.stop();
        sigintPoll.stop();
        redraw();
        if (!abortedWith.isEmpty()) {
            c.err << abortedWith << '\n';
            return SignalGuard::cancelled() ? SignalGuard::exitCode() : ExitFailure;
        }

        if (parser.isSet(json)) {
            c.out << report.toJson();
        } else {
            if (runOp == Operation::Matrix)
                c.out << '\n' << cliMatrixText(report);
            if (runOp == Operation::Drift)
                c.out << '\n' << cliDriftText(report);
            if (runOp == Operation::Verify && !runSettings.toyPairs.isEmpty())
                c.out << '\n' << cliToyGridText(report);
            c.out << '\n' << report.toText();
            if (!report.succeeded() && !report.failedHostKeys().isEmpty())
                c.out << '\n'
                      << tr("Failed: %1. Fix the problems above and run again (only these hosts: %2).")
                             .arg(report.failedHostKeys().join(QStringLiteral(", ")))
                             .arg([&] {
                                 QStringList args;
                                 for (const HostOutcome &h : std::as_const(report.hosts))
                                     if (!h.succeeded())
                                         args.append(h.target.toyHostId ? QStringLiteral("--pair %1:%2")
                                                                              .arg(h.target.partyId)
                                                                              .arg(h.target.toyHostId)
                                                     : h.target.partyId
                                                         ? QStringLiteral("--party %1").arg(h.target.partyId)
                                                         : QStringLiteral("--exchange"));
                                 return args.join(QLatin1Char(' '));
                             }())
                      << '\n';
            if (report.id)
                c.out << tr("Stored as run %1 (fate-deployer-cli history --show %1).").arg(report.id) << '\n';
        }
        c.out.flush();
        if (SignalGuard::cancelled())
            return SignalGuard::exitCode();
        return report.succeeded() ? ExitOk : ExitFailure;
    };
    if (apply)
        return cliApplyChanges(c, request, parser.isSet(yes), parser.isSet(json), runRequest);
    return runRequest(request, plan);
}

int cliPreflight(CliContext &context)
{
    return cliEngineCommand(Operation::Preflight, context);
}

} // namespace FateDeployer
