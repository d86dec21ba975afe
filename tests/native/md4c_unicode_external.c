/* md4c's Unicode lookups as the build uses them: patched to ask wasm/core/unicode_tables.cpp
 * (MD4C_EXTERNAL_UNICODE_TABLES), compiled from md4c's source for unicode_tables_test.cpp. */
#define MD4C_EXTERNAL_UNICODE_TABLES 1
#define md_parse md_parse_with_external_unicode_tables
#include "md4c.c"

int external_md4c_whitespace(unsigned codepoint) { return md_is_unicode_whitespace__(codepoint); }
int external_md4c_punct(unsigned codepoint) { return md_is_unicode_punct__(codepoint); }
unsigned external_md4c_fold(unsigned codepoint, unsigned codepoints[3]) {
    MD_UNICODE_FOLD_INFO info;
    unsigned i;
    md_get_unicode_fold_info(codepoint, &info);
    for(i = 0; i < info.n_codepoints; i++)
        codepoints[i] = info.codepoints[i];
    return info.n_codepoints;
}
