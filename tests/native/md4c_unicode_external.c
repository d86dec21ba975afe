/* md4c's Unicode lookups as the build uses them: patched to ask wasm/core/unicode_tables.cpp
 * (MD4C_EXTERNAL_UNICODE_TABLES), compiled from md4c's source for unicode_tables_test.cpp. */
#define MD4C_EXTERNAL_UNICODE_TABLES 1
#define md_parse md_parse_with_external_unicode_tables
#include "md4c.c"

#define PROBE_WHITESPACE external_md4c_whitespace
#define PROBE_PUNCT external_md4c_punct
#define PROBE_FOLD external_md4c_fold
#include "md4c_unicode_probes.inc"
