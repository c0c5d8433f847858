// SPDX-License-Identifier: Apache-2.0
#include "gui/mainwindow.h"

#include <QTest>

using namespace FateDeployer;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void titleShowsProject()
    {
        MainWindow window;
        QVERIFY(window.openProject(QStringLiteral(FD_SOURCE_DIR "/resources/examples/two-party.fdproj")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QLatin1String("two-party example")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
