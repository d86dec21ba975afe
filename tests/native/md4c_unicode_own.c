/* md4c's Unicode lookups as md4c ships them (its own tables), compiled from its source for
 * unicode_tables_test.cpp to hold the patched ones against. */
#undef MD4C_EXTERNAL_UNICODE_TABLES
#define md_parse md_parse_with_own_unicode_tables
#include "md4c.c"

int own_md4c_whitespace(unsigned codepoint) { return md_is_unicode_whitespace__(codepoint); }
int own_md4c_punct(unsigned codepoint) { return md_is_unicode_punct__(codepoint); }
unsigned own_md4c_fold(unsigned codepoint, unsigned codepoints[3]) {
    MD_UNICODE_FOLD_INFO info;
    unsigned i;
    md_get_unicode_fold_info(codepoint, &info);
    for(i = 0; i < info.n_codepoints; i++)
        codepoints[i] = info.codepoints[i];
    return info.n_codepoints;
}
