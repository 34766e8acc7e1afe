// Helpers for the event coder's tests: analyse a text with the project's data
// and compare its events by actor codes' first three letters and CAMEO code.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyze/analyzer.h"
#include "events/coder.h"
#include "tests/test_support.h"

namespace warta::testing {

struct Got {
  std::string source, target, cameo;  // actor codes' first three letters (or IGO code), code
  bool negated = false;
  std::string via;
};

inline std::vector<Got> EventsOf(const std::string& text, const std::string& published = "2025-06-01") {
  Document d = AnalyzeText(text, published);
  std::vector<Got> out;
  for (const Event& e : d.events) {
    EXPECT_LE(e.sentence.end, d.original.size());
    out.push_back({e.source_actor.substr(0, 3), e.target_actor.substr(0, 3), e.code->code, e.negated,
                   e.via_quote ? "quote" : "narrative"});
  }
  return out;
}

inline bool Has(const std::vector<Got>& events, const std::string& source, const std::string& target, const std::string& root,
         bool negated = false) {
  return std::any_of(events.begin(), events.end(), [&](const Got& g) {
    return g.source == source && g.target == target && g.cameo.rfind(root, 0) == 0 && g.negated == negated;
  });
}

inline std::string Dump(const std::vector<Got>& events) {
  std::string s;
  for (const Got& g : events) s += g.source + "→" + g.target + " " + g.cameo + (g.negated ? " (negated)" : "") + "; ";
  return s;
}

}  // namespace warta::testing
