#include "serve/codes.h"

#include <cstdlib>

#include "util/json_writer.h"
#include "util/tsv.h"

namespace warta {

Result<std::string> CodesJson(std::string_view cameo_codes_tsv, std::string_view agent_types_tsv) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("quad_classes");
  w.BeginArray();
  const char* quads[] = {"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"};
  for (int q = 1; q <= 4; ++q) {
    w.BeginObject();
    w.Key("quad_class");
    w.Int(q);
    w.Key("name");
    w.String(quads[q - 1]);
    w.EndObject();
  }
  w.EndArray();
  w.Key("cameo");
  w.BeginArray();
  Status s = ForEachTsvRow(cameo_codes_tsv, "data/events/cameo_codes.tsv", 6,
                           "CODE<TAB>NAME<TAB>GOLDSTEIN<TAB>QUAD<TAB>PLOVER<TAB>PLOVER_MODE",
                           [&](const auto& c) -> std::string {
                             w.BeginObject();
                             w.Key("code");
                             w.String(c[0]);
                             w.Key("name");
                             w.String(c[1]);
                             w.Key("goldstein");
                             w.Double(std::strtod(std::string(c[2]).c_str(), nullptr), 1);
                             w.Key("quad_class");
                             w.Int(std::atoi(std::string(c[3]).c_str()));
                             w.Key("plover");
                             c[4] == "-" ? w.Null() : w.String(c[4]);
                             w.EndObject();
                             return "";
                           });
  if (!s.ok()) return s;
  w.EndArray();
  w.Key("agents");
  w.BeginArray();
  s = ForEachTsvRow(agent_types_tsv, "data/events/agent_types.tsv", 2, "CODE<TAB>NAME",
                    [&](const auto& c) -> std::string {
                      if (c[0].size() != 3) return "CODE must be three letters";
                      w.BeginObject();
                      w.Key("code");
                      w.String(c[0]);
                      w.Key("name");
                      w.String(c[1]);
                      w.EndObject();
                      return "";
                    });
  if (!s.ok()) return s;
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace warta
