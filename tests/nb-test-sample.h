/* nb-test-util.h — the sample report ($NB_SAMPLE) for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-report.h"

NbReport *nb_test_load_sample (void);
