// A small docs tree whose front matter shapes its pages: built by tests/site/page-front-matter.test.mjs
// (the doc scripts and prerendered pages) and tests/browser/page-front-matter.test.mjs (the page).
export const FRONT_MATTER_DOCS = {
  'docs/a.md':
    '---\ntitle: A\ntoc_min_heading_level: 3\ntoc_max_heading_level: 4\ncustom_edit_url: https://edit.example/a\nlast_update:\n  date: 2026-11-02\n  author: Ana\nkeywords: [tables, speed]\nimage: /img/card.png\npagination_next: c\n---\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n',
  'docs/b.md':
    '---\ntitle: B\nhide_table_of_contents: true\ncustom_edit_url: null\npagination_prev: null\n---\n\n## One\n\n## Two\n',
  'docs/c.md':
    '---\ntitle: C\npagination_label: The C page\ndisplayed_sidebar: t\nsidebar_class_name: special\n---\n\n## Sea\n',
  'docs/d.md': '---\ntitle: D\n---\n\n## Dee\n',
  'sidebars.js': "module.exports = { s: ['a', 'b', 'c'], t: ['d'] };\n",
};
