// Small helpers the eval programs share.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "input/record.h"
#include "util/strings.h"

namespace warta::eval {

// The whole file, or "" when it cannot be read (each eval checks existence first).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A JSON value as text: a string as it is, an integer as its digits, anything
// else (null, absent, other types) "".
inline std::string JsonText(simdjson::dom::element e) {
  if (e.is_string()) return std::string(e.get_string().value());
  if (e.is_int64()) return std::to_string(e.get_int64().value());
  return "";
}

inline std::string JsonText(simdjson::simdjson_result<simdjson::dom::element> v) {
  simdjson::dom::element e;
  return v.get(e) ? "" : JsonText(e);
}

// A JSON boolean; false when absent or not a boolean.
inline bool JsonFlag(simdjson::simdjson_result<simdjson::dom::element> v) {
  bool b = false;
  return !v.get(b) && b;
}

// The columns of ../shared/data/detik-1k-entity-summ/data_berita.csv.
inline FieldMap DetikFields() {
  FieldMap f;
  f.title = "judul";
  f.text = "isi_berita";
  f.url = "tautan";
  f.published = "tanggal";
  return f;
}

// A JSON Lines file's `field` per 1-based line (strings as they are, other
// values as JSON text): the gold labels of a set, by the line a record starts on.
inline std::map<uint64_t, std::string> JsonlGoldByLine(const std::string& path, const std::string& field) {
  std::map<uint64_t, std::string> gold;
  const std::string text = ReadFile(path);
  simdjson::dom::parser parser;
  uint64_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    simdjson::dom::element root, g;
    if (Trim(line).empty() || parser.parse(line.data(), line.size()).get(root) || root[field].get(g)) continue;
    gold[line_no] = g.is_string() ? std::string(g.get_string().value()) : simdjson::to_string(g);
  }
  return gold;
}

// eval/labels/detik_stories.tsv: ID → STORY.
inline std::map<std::string, std::string> DetikStories(const std::string& path) {
  std::map<std::string, std::string> gold;
  const std::string labels = ReadFile(path);
  for (std::string_view line : Split(labels, '\n')) {
    auto cols = Split(line, '\t');
    if (line.empty() || line[0] == '#' || cols.size() != 2 || cols[0] == "ID") continue;
    gold[std::string(cols[0])] = std::string(Trim(cols[1]));
  }
  return gold;
}

struct BCubedScores {
  double precision = 0, recall = 0, f1 = 0;
  size_t clusters = 0;
};

// BCubed: per document, the share of its cluster in its gold story
// (precision) and of its gold story in its cluster (recall), averaged.
inline BCubedScores BCubed(const std::vector<std::string>& gold, const std::vector<int64_t>& found) {
  std::map<std::pair<int64_t, std::string>, double> both;
  std::map<int64_t, double> cluster;
  std::map<std::string, double> story;
  for (size_t i = 0; i < gold.size(); ++i) {
    ++both[{found[i], gold[i]}];
    ++cluster[found[i]];
    ++story[gold[i]];
  }
  BCubedScores s;
  for (size_t i = 0; i < gold.size(); ++i) {
    double n = both[{found[i], gold[i]}];
    s.precision += n / cluster[found[i]];
    s.recall += n / story[gold[i]];
  }
  s.precision /= double(gold.size());
  s.recall /= double(gold.size());
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  s.clusters = cluster.size();
  return s;
}

}  // namespace warta::eval
