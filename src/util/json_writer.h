// A minimal streaming JSON writer: appends compact JSON to a string. Keys come
// out in the order they are written, numbers are formatted locale-free, so the
// same values always give the same bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);

  void String(std::string_view value);  // REQUIRES: valid UTF-8
  void Int(int64_t value);
  void Double(double value, int decimals);
  void Bool(bool value);
  void Null();
  void OptString(const std::optional<std::string>& value) {
    value ? String(*value) : Null();
  }

 private:
  void Separate();
  std::string* out_;
  std::vector<bool> first_;  // one entry per open container: nothing written yet
  bool after_key_ = false;
};

// Appends `s` as a JSON string literal (with quotes).
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace warta
