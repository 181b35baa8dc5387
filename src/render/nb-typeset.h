/* nb-typeset.h — page geometry (layout.md §1–§3) and the Pango set-up shared by the
 * layout modules: one PangoContext at 72 dpi (1 unit = 1 pt), unhinted, language zh-cn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "nb-pdf-fonts.h"

G_BEGIN_DECLS

#define NB_PT_PER_MM      2.834645669
#define NB_AREA_TOP       (37.0 * NB_PT_PER_MM)
#define NB_AREA_LEFT      (28.0 * NB_PT_PER_MM)
#define NB_AREA_WIDTH     (156.0 * NB_PT_PER_MM)
#define NB_AREA_HEIGHT    (225.0 * NB_PT_PER_MM)
#define NB_GRID_LINES     22
#define NB_GRID_CHARS     28
#define NB_LINE_PITCH     (NB_AREA_HEIGHT / NB_GRID_LINES)    /* 28.991 pt */
#define NB_CHAR_ADVANCE   (NB_AREA_WIDTH / NB_GRID_CHARS)     /* 15.793 pt */
#define NB_BASELINE_RATIO 0.88                                /* baseline below a grid line's top, × size */

/* 字号 in points */
#define NB_SIZE_ERHAO     22.0
#define NB_SIZE_SANHAO    16.0
#define NB_SIZE_SIHAO     14.0
#define NB_SIZE_XIAOSI    12.0
#define NB_SIZE_WUHAO     10.5
#define NB_SIZE_XIAOWU    9.0

typedef struct {
  PangoContext   *context;
  NbResolvedFont  fonts[NB_N_FONT_ROLES];
} NbTypeset;

NbTypeset   *nb_typeset_new        (const NbPdfOptions *options);
void         nb_typeset_free       (NbTypeset          *self);
/* A layout of @text in @role at @size_pt, with the zh-cn language over the whole text. */
PangoLayout *nb_typeset_layout     (NbTypeset          *self,
                                    NbFontRole          role,
                                    double              size_pt,
                                    const char         *text);
/* Logical width of @layout's text in points. */
double       nb_typeset_text_width (PangoLayout        *layout);
/* Adds @attr over the whole text of @layout. */
void         nb_typeset_add_attr   (PangoLayout        *layout,
                                    PangoAttribute     *attr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NbTypeset, nb_typeset_free)

G_END_DECLS
