// The HTML of a tab group, written by MDX <Tabs> (raw_html.cpp) and by npm2yarn code blocks
// (code_blocks.cpp) alike, so the page's tabs script sees one shape: <div class="fm-tabs"> with
// its data-group-id / data-query-string, a role=tablist of buttons, then one role=tabpanel each.
#include "escape.h"
#include "render_context.h"

namespace foldmark::detail {
namespace {

void write_data_attribute(Context& c, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  c.out.append(" data-");
  c.out.append(name);
  c.out.append("=\"");
  escape_html(c.out, value);
  c.out.push('"');
}

void write_prefixed_id(Context& c, std::string_view id) {
  escape_html(c.out, c.options.id_prefix);
  escape_html(c.out, id);
}

}  // namespace

// Tab and panel ids come from the labels through the document's slugger (unique, safe); with
// heading_ids off there are no ids, and no aria references to them.
std::vector<TabIds> open_tab_group(Context& c, std::string_view group_id, std::string_view query,
                                   const PodVector<TabButton>& tabs) {
  c.out.append("<div class=\"fm-tabs\"");
  write_data_attribute(c, "group-id", group_id);
  write_data_attribute(c, "query-string", query);
  c.out.append(">\n<div role=\"tablist\">\n");
  // Values matter only to the page's group sync and query string: other groups stay as they were.
  const bool with_values = !group_id.empty() || !query.empty();
  std::vector<TabIds> ids;
  for (const TabButton& tab : tabs) {
    c.out.append("<button type=\"button\" role=\"tab\"");
    if (with_values) write_data_attribute(c, "value", tab.value);
    if (c.options.heading_ids) {
      const std::string label(tab.label);
      ids.push_back({c.slugger.slug("tab-" + label), c.slugger.slug("tabpanel-" + label)});
      c.out.append(" id=\"");
      write_prefixed_id(c, ids.back().tab);
      c.out.append("\" aria-controls=\"");
      write_prefixed_id(c, ids.back().panel);
      c.out.push('"');
    } else {
      ids.emplace_back();
    }
    c.out.append(tab.selected ? " aria-selected=\"true\">" : " aria-selected=\"false\">");
    escape_html(c.out, tab.label);
    c.out.append("</button>\n");
  }
  c.out.append("</div>\n");
  return ids;
}

void open_tab_panel(Context& c, const TabIds& ids) {
  if (ids.panel.empty()) {
    c.out.append("<div role=\"tabpanel\">\n");
    return;
  }
  c.out.append("<div role=\"tabpanel\" id=\"");
  write_prefixed_id(c, ids.panel);
  c.out.append("\" aria-labelledby=\"");
  write_prefixed_id(c, ids.tab);
  c.out.append("\">\n");
}

}  // namespace foldmark::detail
