// FTS5's query syntax (what `warta serve`'s search accepts from SQLite) read
// and rewritten for PostgreSQL's to_tsquery('simple', …), so that one query
// means the same on both stores.
//
//   words            a b         → 'a' & 'b'       (implicit AND, or AND)
//   "phrases"        "a b", a + b → 'a b' / 'a' <-> 'b'
//   OR, NOT          a OR b, a NOT b (NOT is binary, as in FTS5) → |, & !
//   prefix           ab*         → 'ab':*
//   columns          title:a, text:a, -title:a, {title text}:a → weights A (title) and B (text)
//   grouping         ( … )
// Precedence as FTS5: NOT binds tighter than AND, AND tighter than OR.
// Where the meaning cannot be kept it is approached, never refused:
// NEAR(a b, N) becomes a AND b (no distance), ^a (first token of a column)
// becomes a. A malformed query is an error whose message is SQLite's
// ("fts5: syntax error near …", "unterminated string", "no such column: …"),
// so callers treat both stores' refusals alike.
#pragma once

#include <string>
#include <string_view>

#include "util/status.h"

namespace warta {

Result<std::string> Fts5ToTsquery(std::string_view query);

// What a person types into a search box, as a valid FTS5 query that means what
// they meant: words, "phrases", OR, NOT, prefix* and balanced parentheses keep
// their meaning; any other word is searched as written, as a phrase of its
// tokens (COVID-19, e-KTP, Ma'ruf, title:x); an unmatched " or parenthesis and
// an operator with nothing to join are dropped. "" when nothing is left.
std::string SafeSearchQuery(std::string_view text);

}  // namespace warta
