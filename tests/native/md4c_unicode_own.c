/* md4c's Unicode lookups as md4c ships them (its own tables), compiled from its source for
 * unicode_tables_test.cpp to hold the patched ones against. */
#undef MD4C_EXTERNAL_UNICODE_TABLES
#define md_parse md_parse_with_own_unicode_tables
#include "md4c.c"

#define PROBE_WHITESPACE own_md4c_whitespace
#define PROBE_PUNCT own_md4c_punct
#define PROBE_FOLD own_md4c_fold
#include "md4c_unicode_probes.inc"
