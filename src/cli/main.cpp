// SPDX-License-Identifier: Apache-2.0
#include "cli/cliapp.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FATE Deployer"));
    QCoreApplication::setApplicationName(QStringLiteral("fate-deployer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FD_VERSION));
    return FateDeployer::CliApp::run();
}
