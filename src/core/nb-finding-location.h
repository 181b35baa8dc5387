/* nb-finding-location.h — where a finding is, in words for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nb-finding.h"

G_BEGIN_DECLS

/* "三 · （一）予以公开 · 自然人", a section's title, or 报告信息. */
char      *nb_finding_describe_location   (const NbFinding *finding);

G_END_DECLS
