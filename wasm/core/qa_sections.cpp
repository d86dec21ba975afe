// Assembles the article body around the byte ranges the renderer recorded: one pass, one copy.
#include "qa_sections.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "escape.h"
#include "headings.h"
#include "json_writer.h"

namespace foldmark::detail {
namespace {

struct Plan {
  PodVector<std::size_t> sections;  // indices into body.headings at the Q/A level
  std::size_t epilogue = 0;         // byte offset where the epilogue starts; html.size() if none
};

Plan plan_sections(const BodyHtml& body, std::size_t first_heading) {
  Plan plan;
  plan.epilogue = body.html.size();
  unsigned level = 7;
  for (std::size_t i = first_heading; i < body.headings.size(); ++i) {
    level = std::min(level, body.headings[i].level);
  }
  for (std::size_t i = first_heading; i < body.headings.size(); ++i) {
    if (body.headings[i].level == level) plan.sections.push_back(i);
  }
  if (plan.sections.empty()) return plan;
  const std::size_t last_end = body.headings[plan.sections.back()].end;
  for (const auto& rule : body.rules) {
    if (rule.begin >= last_end) {
      plan.epilogue = rule.begin;
      break;
    }
  }
  return plan;
}

void append_range(OutBuffer& out, const std::string& html, std::size_t begin, std::size_t end) {
  if (end > begin) out.append(std::string_view(html).substr(begin, end - begin));
}

void write_wrapped(OutBuffer& out, std::string_view open, const std::string& html,
                   std::size_t begin, std::size_t end) {
  if (end <= begin) return;
  out.append(open);
  append_range(out, html, begin, end);
  out.append("</div>\n");
}

void write_item(OutBuffer& out, const BodyHtml& body, const BodyHeading& h, bool question,
                std::size_t answer_end) {
  out.append(question ? "<details class=\"fm-qa fm-question\">\n<summary>"
                      : "<details class=\"fm-qa\">\n<summary>");
  append_range(out, body.html, h.begin, h.end - 1);  // the heading, without its newline
  out.append("</summary>\n<div class=\"fm-answer\">\n");
  append_range(out, body.html, h.end, answer_end);
  out.append("</div>\n</details>\n");
}

void add_faq_entry(JsonWriter& json, const FaqEntry& e) {
  json.begin_object().key("@type").string("Question").key("name").string(e.name);
  json.key("acceptedAnswer").begin_object().key("@type").string("Answer").key("text");
  json.string(e.answer).end_object();
  json.end_object();
}

constexpr std::string_view kFaqPrefix =
    R"({"@context":"https://schema.org","@type":"FAQPage","mainEntity":)";

}  // namespace

// Counted before anything is written, so a refused JSON-LD is never built. The fixed part of an
// entry is measured by writing an empty one.
std::size_t faq_size(const PodVector<FaqEntry>& entries) {
  std::string empty_entry;
  JsonWriter probe(empty_entry, true);
  add_faq_entry(probe, FaqEntry{});
  std::size_t size = kFaqPrefix.size() + 3 + entries.size() * empty_entry.size();  // "[", "]}"
  if (!entries.empty()) size += entries.size() - 1;                                // commas
  for (const FaqEntry& e : entries) {
    size += json_escaped_size(e.name, true) + json_escaped_size(e.answer, true);
  }
  return size;
}

std::string faq_json_ld(const PodVector<FaqEntry>& entries, std::size_t size) {
  std::string out;
  out.reserve(size);
  out.append(kFaqPrefix);
  JsonWriter json(out, true);
  json.begin_array();
  for (const FaqEntry& e : entries) add_faq_entry(json, e);
  json.end_array();
  out.push_back('}');
  return out;
}

QaLayout write_qa_layout(const BodyHtml& body, std::size_t body_begin, std::size_t first_heading,
                         const Options& options, OutBuffer& out) {
  QaLayout layout;
  const Plan plan = plan_sections(body, first_heading);
  const bool fold = options.collapse != Collapse::kNone && !plan.sections.empty();
  if (!fold) {
    append_range(out, body.html, body_begin, body.html.size());
  } else {
    write_wrapped(out, "<div class=\"fm-intro\">\n", body.html, body_begin,
                  body.headings[plan.sections.front()].begin);
  }
  for (std::size_t k = 0; k < plan.sections.size(); ++k) {
    const BodyHeading& h = body.headings[plan.sections[k]];
    const std::size_t end =
        k + 1 < plan.sections.size() ? body.headings[plan.sections[k + 1]].begin : plan.epilogue;
    const bool question = is_question(h.text);
    if (question) {
      layout.questions.push_back({options.id_prefix + h.id, h.text});
      if (options.json_ld) {
        layout.faq.push_back({h.text, std::string_view(body.html).substr(h.end, end - h.end)});
      }
    }
    if (!fold) continue;
    if (question || options.collapse == Collapse::kSections) {
      write_item(out, body, h, question, end);
    } else {
      append_range(out, body.html, h.begin, end);
    }
  }
  if (fold) {
    write_wrapped(out, "<div class=\"fm-epilogue\">\n", body.html, plan.epilogue, body.html.size());
  }
  return layout;
}

}  // namespace foldmark::detail
