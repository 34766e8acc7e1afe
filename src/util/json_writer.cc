#include "util/json_writer.h"

#include <fmt/format.h>

#include <cmath>

namespace warta {

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    const char* esc = nullptr;
    char buf[7];
    if (c == '"') esc = "\\\"";
    else if (c == '\\') esc = "\\\\";
    else if (c == '\n') esc = "\\n";
    else if (c == '\t') esc = "\\t";
    else if (c == '\r') esc = "\\r";
    else if (c < 0x20 || c == 0x7F) {
      buf[0] = '\\'; buf[1] = 'u'; buf[2] = '0'; buf[3] = '0';
      buf[4] = kHex[c >> 4]; buf[5] = kHex[c & 0xF]; buf[6] = '\0';
      esc = buf;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
      // U+2028/U+2029 are valid JSON but break JavaScript string literals.
      out->append(s.substr(run, i - run));
      out->append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
      i += 2;
      run = i + 1;
      continue;
    }
    if (esc) {
      out->append(s.substr(run, i - run));
      out->append(esc);
      run = i + 1;
    }
  }
  out->append(s.substr(run));
  out->push_back('"');
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::BeginObject() { Separate(); out_->push_back('{'); first_.push_back(true); }
void JsonWriter::EndObject() { out_->push_back('}'); first_.pop_back(); }
void JsonWriter::BeginArray() { Separate(); out_->push_back('['); first_.push_back(true); }
void JsonWriter::EndArray() { out_->push_back(']'); first_.pop_back(); }

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) { Separate(); AppendJsonString(value, out_); }
void JsonWriter::Int(int64_t value) { Separate(); fmt::format_to(std::back_inserter(*out_), "{}", value); }
void JsonWriter::Double(double value, int decimals) {
  Separate();
  if (!std::isfinite(value)) { out_->append("null"); return; }
  fmt::format_to(std::back_inserter(*out_), "{:.{}f}", value, decimals);
}
void JsonWriter::Bool(bool value) { Separate(); out_->append(value ? "true" : "false"); }
void JsonWriter::Null() { Separate(); out_->append("null"); }

}  // namespace warta
