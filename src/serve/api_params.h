// The query parameters of an API request, read and checked: the first problem
// is kept and answered as a 400 naming the parameter. Integers of any number
// of digits are refused, never thrown on.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "serve/api.h"
#include "store/store.h"

namespace warta {

enum class IntError { kNone, kNotANumber, kOutOfRange };

// A decimal integer (an optional '-', digits, nothing else) in [min, max].
IntError ParseInt(std::string_view text, int64_t min, int64_t max, int64_t* out);
std::string Between(const std::string& name, int64_t min, int64_t max);
bool AllDigits(std::string_view s);

class Params {
 public:
  explicit Params(const std::map<std::string, std::string>& p) : p_(p) {}

  std::optional<std::string> Text(const std::string& name, size_t max_bytes = 200);
  std::optional<int64_t> Int(const std::string& name, int64_t min, int64_t max);
  std::optional<int32_t> Day(const std::string& name);
  // An actor code prefix (CHN, IDNGOV, IGOUNO) or an entity id.
  std::optional<std::string> Actor(const std::string& name);
  // true for 1/true/yes, false for 0/false/no.
  std::optional<bool> Bool(const std::string& name);
  // limit (default 50; at most kMaxPageLimit, kMaxCsvLimit for a CSV export) and offset.
  Page GetPage();
  // from, to, lang, outlet.
  Filter GetFilter();
  // format: "json" (the default) or "csv".
  bool Csv();
  // One of `choices`, else the default (first); a bad value fails.
  std::string OneOf(const std::string& name, std::initializer_list<const char*> choices);

  const std::optional<std::string>& error() const { return error_; }
  void Fail(const std::string& message) {
    if (!error_) error_ = message;
  }

 private:
  const std::map<std::string, std::string>& p_;
  std::optional<std::string> error_;
};

}  // namespace warta
