// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace FateDeployer {

/// Makes the calling thread nicer than the thread that started it, once per thread (Linux applies
/// nice per thread; elsewhere this does nothing).
///
/// Worker threads yield to the GUI thread. Job threads wait on the network most of the time, but a
/// host that floods output keeps its job busy, and eight busy jobs on two cores starved the thread
/// that shows the output (bench/logview: 180 000–280 000 of 1 M lines shown live at the same nice
/// level, 650 000–850 000 with this).
void lowerThisThreadsPriority();

} // namespace FateDeployer
