#include "eval/article_sets.h"

#include <simdjson.h>

#include <vector>

#include "eval/eval_util.h"
#include "input/input_set.h"
#include "util/strings.h"

namespace warta::eval {

void AnalyzeDetik(const Knowledge& k, const std::string& csv, const std::set<std::string>& ids, const ArticleFn& fn) {
  ReaderOptions options;
  options.fields = DetikFields();
  InputSet inputs({csv}, Format::kCsv, options);
  std::vector<Diagnostic> diags;
  Record r;
  AnalyzeOptions analyze;
  analyze.clean.field_date_order = DateOrder::kMonthFirst;
  while (inputs.Next(&r, &diags)) {
    if (!r.id || !ids.count(*r.id)) continue;
    const std::string id = *r.id;
    fn(id, Analyze(r, k, analyze));
  }
}

void AnalyzePolNear(const Knowledge& k, const std::string& path, const std::set<std::string>& ids,
                    const ArticleFn& fn) {
  std::set<std::string> done;
  simdjson::dom::parser parser;
  const std::string text = ReadFile(path);
  for (std::string_view line : Split(text, '\n')) {
    simdjson::dom::element d;
    if (Trim(line).empty() || parser.parse(line.data(), line.size()).get(d)) continue;
    std::string_view doc_id, body, date;
    if (d["doc"].get(doc_id) || d["text"].get(body)) continue;
    const std::string id(doc_id);
    if (!ids.count(id) || !done.insert(id).second) continue;
    if (d["date"].get(date)) date = {};
    Record r;
    r.text = std::string(body);
    r.id = id;
    if (!date.empty()) r.published = std::string(date);
    AnalyzeOptions options;
    options.home_country = "USA";
    fn(id, Analyze(std::move(r), k, options));
  }
}

}  // namespace warta::eval
