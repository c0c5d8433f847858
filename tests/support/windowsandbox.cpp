// SPDX-License-Identifier: Apache-2.0
#include "windowsandbox.h"

#include "gui/deploymonitor.h"
#include "gui/enginebackend.h"
#include "gui/engineform.h"
#include "gui/language.h"
#include "gui/prompter.h"
#include "gui/topologypage.h"
#include "monitorrows.h"
#include "sandboxproject.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>

namespace FateDeployer::Testing {

bool WindowSandbox::start(
    const char *idVariable, int defaultId, int hosts, QString *skip, QString *error, bool composePlugin)
{
    if (!SandboxFixture::canRun(skip))
        return false;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    qputenv("FD_HISTORY_DIR", path(QStringLiteral("history")).toUtf8());
    m_sb = std::make_unique<SandboxFixture>(SandboxFixture::instanceFromEnv(idVariable, defaultId));
    if (!m_sb->start(hosts, error)) {
        m_sb.reset();
        return false;
    }
    if (composePlugin) {
        const SandboxFixture::CommandResult plugin = m_sb->runSandbox({QStringLiteral("compose-plugin")});
        if (!plugin.ok()) {
            *error = QStringLiteral("compose-plugin: ") + QString::fromUtf8(plugin.err);
            return false;
        }
    }
    return true;
}

void WindowSandbox::createWindow(const QString &language)
{
    m_language = !language.isEmpty()                                   ? language
                 : qEnvironmentVariableIsSet("FD_GUI_SCREENSHOT_LANG") ? qEnvironmentVariable("FD_GUI_SCREENSHOT_LANG")
                                                                       : QStringLiteral("en");
    QCOMPARE(Language::apply(m_language), m_language);
    m_window.create();
    if (!window())
        return;
    window()->resize(1360, 860);
    m_backend = new EngineBackend(settings(), m_secrets, window());
    window()->setDeployBackend(m_backend);
    window()->setSecretStore(m_secrets);
}

void WindowSandbox::stop()
{
    m_window.destroy();
    m_backend = nullptr;
    if (m_sb && m_sb->isRunning())
        m_sb->stop();
    m_sb.reset();
}

QString WindowSandbox::typeEngineSecrets(const QList<std::pair<QString, QString>> &typed)
{
    window()->showPage(MainWindow::Page::Topology);
    EngineForm *engine = window()->topologyPage()->engineForm();
    if (!engine->isVisible())
        return QStringLiteral("the engine form is not shown");
    const int before = m_secrets->writeCount();
    for (const auto &[name, secret] : typed) {
        auto *edit = engine->findChild<QLineEdit *>(name);
        if (!edit || !edit->isVisible() || !edit->isEnabled())
            return QStringLiteral("no visible, enabled field %1").arg(name);
        edit->setFocus();
        QTest::keyClicks(edit, secret);
        QTest::keyClick(edit, Qt::Key_Return);
        if (!edit->text().isEmpty())
            return QStringLiteral("field %1 kept the password after Return").arg(name);
    }
    if (!QTest::qWaitFor([&] { return m_secrets->writeCount() == before + typed.size(); }, 60000))
        return QStringLiteral("%1 of %2 passwords stored").arg(m_secrets->writeCount() - before).arg(typed.size());
    if (!QTest::qWaitFor([&] { return engine->pendingStores() == 0; }, 60000))
        return QStringLiteral("the engine form still stores passwords");
    return {};
}

QString WindowSandbox::freshKnownHosts()
{
    const QString file = path(QStringLiteral("known_hosts"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    return file;
}

QString WindowSandbox::openProject(const Project &project)
{
    const QString file = saveProject(project, m_dir.path());
    if (file.isEmpty())
        return QStringLiteral("cannot save the project in %1").arg(m_dir.path());
    if (!window()->openProject(file))
        return window()->lastError();
    return {};
}

void WindowSandbox::answerPrompts()
{
    for (QDialog *d : window()->prompter()->openDialogs()) {
        if (auto *trust = d->findChild<QPushButton *>(QStringLiteral("trustButton"))) {
            trust->click();
            ++m_hostKeysTrusted;
        }
    }
}

bool WindowSandbox::idle()
{
    answerPrompts();
    return !window()->monitor()->isRunning();
}

bool WindowSandbox::runFinishedOk()
{
    return idle() && allHostsDone();
}

bool WindowSandbox::allHostsDone() const
{
    const QList<HostRun> runs = window()->monitor()->hosts()->runs();
    if (runs.isEmpty())
        return false;
    for (const HostRun &r : runs)
        if (r.overall() != StepState::State::Done)
            return false;
    return true;
}

QString WindowSandbox::rowsText() const
{
    return monitorRowsText(window()->monitor());
}

bool WindowSandbox::runAction(const QString &name, int timeoutMs)
{
    QSignalSpy finished(window()->monitor(), &DeployMonitor::runFinished);
    QAction *action = window()->action(name);
    if (!action || !action->isEnabled())
        return false;
    action->trigger();
    if (!QTest::qWaitFor([&] { return idle() && !finished.isEmpty(); }, timeoutMs))
        return false;
    return finished.first().at(0).toBool();
}

WindowSandbox::Verified WindowSandbox::verifyFromWindow(int timeoutMs)
{
    Verified v;
    QSignalSpy verified(window()->monitor(), &DeployMonitor::verifyFinished);
    window()->action(QStringLiteral("actionVerify"))->trigger();
    if (!QTest::qWaitFor([&] { return idle() && !verified.isEmpty(); }, timeoutMs))
        return v;
    v.finished = true;
    v.ok = verified.first().at(0).toBool();
    v.summary = verified.first().at(1).toString();
    v.details = verified.first().at(2).toString();
    return v;
}

QString WindowSandbox::startTeardown(int level)
{
    window()->action(QStringLiteral("actionTeardown"))->trigger();
    QDialog *dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = window()->findChild<QDialog *>(QStringLiteral("teardownDialog"))) != nullptr; }))
        return QStringLiteral("no teardown dialog");
    const QList<QRadioButton *> levels = dialog->findChildren<QRadioButton *>();
    if (levels.size() != 3)
        return QStringLiteral("the teardown dialog offers %1 levels, not 3").arg(levels.size());
    levels.at(level)->click();
    auto *box = dialog->findChild<QDialogButtonBox *>();
    QPushButton *go = nullptr;
    for (QAbstractButton *b : box ? box->buttons() : QList<QAbstractButton *>{})
        if (box->buttonRole(b) == QDialogButtonBox::DestructiveRole)
            go = qobject_cast<QPushButton *>(b);
    if (!go)
        return QStringLiteral("the teardown dialog has no destructive button");
    go->click();
    if (!window()->monitor()->isRunning())
        return QStringLiteral("confirming the teardown started no run");
    return {};
}

QString WindowSandbox::onHost(int host, const QString &cmd) const
{
    return Testing::onHost(*m_sb, host, cmd);
}

bool WindowSandbox::block(int host, int port)
{
    return m_sb->runSandbox({QStringLiteral("block"), QString::number(host), QString::number(port)}).ok();
}

bool WindowSandbox::unblock(int host, int port)
{
    return m_sb->runSandbox({QStringLiteral("unblock"), QString::number(host), QString::number(port)}).ok();
}

void WindowSandbox::saveScreenshotsIfAsked(const QList<std::pair<MainWindow::Page, QString>> &pages,
                                           const QString &suffix)
{
    const QString dir = qEnvironmentVariable("FD_GUI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    for (const auto &[page, name] : pages) {
        window()->showPage(page);
        QTest::qWait(300); // layouts and the picture settle
        const QString file = QDir(dir).filePath(QStringLiteral("%1%2-%3.png").arg(name, suffix, m_language));
        QVERIFY2(window()->grab().save(file), qPrintable(file));
    }
}

} // namespace FateDeployer::Testing
