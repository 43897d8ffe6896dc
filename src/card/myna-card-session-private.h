#pragma once

#include "myna-card-session.h"

G_BEGIN_DECLS

/* Presents a PIN as is: only myna-jpki.c calls it, after the format check
 * and the last-try rule. */
gboolean _myna_card_session_verify_pin (MynaCardSession  *self,
                                        guint16           fid,
                                        const char       *pin,
                                        guint16          *sw,
                                        GError          **error);

G_END_DECLS
