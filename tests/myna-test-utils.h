#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

GSubprocessLauncher *myna_test_launcher_new (GSubprocessFlags flags);
int         myna_test_run_env       (const char * const *env,
                                     const char         *input,
                                     char              **out,
                                     char              **err,
                                     const char * const *argv);
int         myna_test_run           (const char         *input,
                                     char              **out,
                                     char              **err,
                                     const char * const *argv);
JsonObject *myna_test_parse_json    (const char         *text);
JsonObject *myna_test_find_by_id    (JsonObject         *root,
                                     const char         *array,
                                     const char         *id);
char       *myna_test_sha256_colons (const guint8       *data,
                                     gsize               length);

G_END_DECLS
