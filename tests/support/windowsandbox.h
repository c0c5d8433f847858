// SPDX-License-Identifier: Apache-2.0
// Test support (not product code): the real MainWindow (offscreen) with the real engine backend on sandbox hosts —
// the fixture of the GUI integration tests. One sandbox and one window for the whole test executable, a temporary
// folder for projects, known_hosts and history (FD_HISTORY_DIR), one in-memory secret store shared by the window
// (where passwords are typed) and the engine (where a run reads them), and the window's own actions and dialogs
// to drive it.
#pragma once

#include "gui/mainwindow.h"
#include "guitest.h"
#include "sandboxfixture.h"
#include "settings/secretstore.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <utility>

namespace FateDeployer {
class EngineBackend;
}

namespace FateDeployer::Testing {

class WindowSandbox
{
public:
    /// Starts @p hosts hosts of sandbox instance $@p idVariable (else @p defaultId; the id offset applies inside
    /// SandboxFixture) and points the history at the fixture's folder. False when the sandbox cannot run here
    /// (@p skip says why) or failed to start (@p error says why).
    /// With @p composePlugin, the hosts also get the Docker Compose plugin (`docker compose`, the v1.11+ eras).
    bool
    start(const char *idVariable, int defaultId, int hosts, QString *skip, QString *error, bool composePlugin = false);
    /// The window in @p language (en unless FD_GUI_SCREENSHOT_LANG says otherwise), 1360×860, with the engine
    /// backend and the shared secret store. Fails the current test if the window cannot be shown.
    void createWindow(const QString &language = QString());
    /// Closes the window, then stops the sandbox.
    void stop();

    SandboxFixture &sandbox() { return *m_sb; }
    MainWindow *window() const { return m_window.window.get(); }
    AppSettings *settings() const { return m_window.settings.get(); }
    EngineBackend *backend() const { return m_backend; }
    const std::shared_ptr<MemorySecretStore> &secrets() const { return m_secrets; }
    /// The language the window was created in (screenshot names use it).
    QString language() const { return m_language; }
    /// DIR/name in the fixture's temporary folder (projects, known_hosts, history).
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// An empty known_hosts file of its own in the fixture's folder: every host key is asked for in the window's
    /// dialog, and no other file learns the sandbox's keys (they change with every sandbox start).
    QString freshKnownHosts();
    /// Saves @p project in the fixture's folder and opens it in the window; empty, or why not.
    QString openProject(const Project &project);
    /// Types each (field object name, password) into the Topology page's engine form as a user does (Return
    /// stores it) and waits until the window stored all of them in the secret store. Empty, or what went wrong.
    QString typeEngineSecrets(const QList<std::pair<QString, QString>> &typed);

    /// Clicks "Trust" on every host-key question the engine raised (the window's real dialogs).
    void answerPrompts();
    int hostKeysTrusted() const { return m_hostKeysTrusted; }
    /// Answers host-key questions; true when no run is going on (any more).
    bool idle();
    /// Answers host-key questions; true when no run is going on and every host row of the last one ended done.
    bool runFinishedOk();
    /// Every host row of the last run ended done (and there was one).
    bool allHostsDone() const;
    /// The Deploy page's host rows as text, for failure messages.
    QString rowsText() const;

    /// Triggers the window's action @p name, answers host-key questions until the run ended; the run's ok flag
    /// (false also when it did not end within @p timeoutMs).
    bool runAction(const QString &name, int timeoutMs = 900000);

    struct Verified
    {
        bool finished = false; ///< the window reported a result within the timeout
        bool ok = false;
        QString summary;
        QString details;
    };
    /// "Verify" from the window's action; what the monitor reported when the run ended.
    Verified verifyFromWindow(int timeoutMs = 600000);

    /// Opens the teardown dialog, picks level @p level (0 stop, 1 down, 2 remove) and confirms; empty, or why the
    /// run could not be started. The run goes on: wait with runFinishedOk().
    QString startTeardown(int level);

    /// Stdout of @p cmd as root on sandbox host @p host, trimmed.
    QString onHost(int host, const QString &cmd) const;
    /// `sandbox block|unblock HOST PORT` (a firewall on host @p host drops @p port from the network).
    bool block(int host, int port);
    bool unblock(int host, int port);

    /// With FD_GUI_SCREENSHOT_DIR set (docs; under xvfb-run with QT_QPA_PLATFORM=xcb) saves each of @p pages as
    /// <name><suffix>-<language>.png there; nothing otherwise (not a test: it would skip in every ctest run).
    void saveScreenshotsIfAsked(const QList<std::pair<MainWindow::Page, QString>> &pages, const QString &suffix = {});

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SandboxFixture> m_sb;
    WindowFixture m_window;
    EngineBackend *m_backend = nullptr; // owned by the window
    std::shared_ptr<MemorySecretStore> m_secrets = std::make_shared<MemorySecretStore>();
    QString m_language = QStringLiteral("en");
    int m_hostKeysTrusted = 0;
};

} // namespace FateDeployer::Testing
