// SPDX-License-Identifier: Apache-2.0
#include "gui/application.h"

int main(int argc, char *argv[])
{
    return FateDeployer::runGuiApplication(argc, argv);
}
