#include "syntax/conllu.h"

#include <charconv>

#include "util/strings.h"

namespace warta {

namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out >= 0;
}

// One row from its line; an error message, or "" when it is good.
std::string ParseRow(std::string_view line, ConlluRow* row) {
  std::vector<std::string_view> f = Split(line, '\t');
  if (f.size() != 10) return "expected 10 tab-separated fields, got " + std::to_string(f.size());
  for (size_t i = 0; i < 10; ++i) row->fields[i] = std::string(f[i]);
  std::string_view id = f[0];
  if (size_t dash = id.find('-'); dash != std::string_view::npos) {
    row->kind = ConlluRow::Kind::kRange;
    if (!ParseInt(id.substr(0, dash), &row->id) || !ParseInt(id.substr(dash + 1), &row->last) || row->id < 1 ||
        row->last < row->id)
      return "bad range ID '" + std::string(id) + "'";
    return "";
  }
  if (id.find('.') != std::string_view::npos) {
    row->kind = ConlluRow::Kind::kEmpty;
    return "";
  }
  if (!ParseInt(id, &row->id) || row->id < 1) return "bad ID '" + std::string(id) + "'";
  if (f[6] != "_" && !ParseInt(f[6], &row->head)) return "bad HEAD '" + std::string(f[6]) + "'";
  for (std::string_view m : Split(f[9], '|'))
    if (m == "SpaceAfter=No") row->space_after = false;
  return "";
}

// Word ids 1..n in order, ranges inside them, heads within the sentence.
std::string CheckSentence(const ConlluSentence& s, size_t* line) {
  int next = 1;
  size_t words = 0;
  for (const ConlluRow& r : s.rows)
    if (r.kind == ConlluRow::Kind::kWord) ++words;
  for (const ConlluRow& r : s.rows) {
    *line = r.line;
    if (r.kind == ConlluRow::Kind::kRange && r.id != next) return "range does not start at the next word";
    if (r.kind != ConlluRow::Kind::kWord) continue;
    if (r.id != next) return "word ID " + std::to_string(r.id) + " where " + std::to_string(next) + " was due";
    if (r.head > static_cast<int>(words)) return "HEAD " + std::to_string(r.head) + " outside the sentence";
    ++next;
  }
  return "";
}

}  // namespace

std::vector<const ConlluRow*> ConlluSentence::Words() const {
  std::vector<const ConlluRow*> out;
  for (const ConlluRow& r : rows)
    if (r.kind == ConlluRow::Kind::kWord) out.push_back(&r);
  return out;
}

std::string_view ConlluSentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    std::string_view v(c);
    if (v.size() < 2 || v[0] != '#') continue;
    v = Trim(v.substr(1));
    if (v.substr(0, key.size()) != key) continue;
    v = Trim(v.substr(key.size()));
    if (!v.empty() && v[0] == '=') return Trim(v.substr(1));
  }
  return {};
}

ConlluFile ParseConllu(std::string_view text, size_t first_line) {
  ConlluFile out;
  ConlluSentence cur;
  std::string error;
  size_t error_line = 0;
  auto finish = [&] {
    if (error.empty() && !cur.rows.empty()) {
      size_t at = cur.line;
      std::string e = CheckSentence(cur, &at);
      if (e.empty()) out.sentences.push_back(std::move(cur));
      else out.errors.push_back({at, e});
    } else if (!error.empty()) {
      out.errors.push_back({error_line, error});
    }
    cur = ConlluSentence();
    error.clear();
  };
  size_t line_no = first_line - 1, pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      finish();
      continue;
    }
    if (cur.rows.empty() && cur.comments.empty()) cur.line = line_no;
    if (line[0] == '#') {
      if (cur.rows.empty()) cur.comments.emplace_back(line);
      else if (error.empty()) error = "comment inside a sentence", error_line = line_no;
      continue;
    }
    ConlluRow row;
    row.line = line_no;
    std::string e = ParseRow(line, &row);
    if (!e.empty() && error.empty()) error = e, error_line = line_no;
    cur.rows.push_back(std::move(row));
  }
  finish();
  return out;
}

bool ConlluReader::Next(ConlluSentence* sentence, std::vector<ConlluError>* errors) {
  std::string block, line;
  while (!done_) {
    size_t start = 0;  // the sentence's first line
    bool over = false;
    block.clear();
    for (;;) {
      BufferedReader::LineResult r = in_.ReadLine(&line, kMaxConlluSentenceBytes);
      if (r == BufferedReader::LineResult::kEnd) {
        done_ = true;
        break;
      }
      ++line_;
      if (r == BufferedReader::LineResult::kBinary) {
        errors->push_back({line_, "binary data; the rest of the input is not read"});
        done_ = true;
        block.clear();
        break;
      }
      bool blank = r == BufferedReader::LineResult::kLine && Trim(line).empty();
      if (blank) {
        if (block.empty() && !over) continue;  // blank lines between sentences
        break;
      }
      if (start == 0) start = line_;
      if (r == BufferedReader::LineResult::kTooLong || block.size() + line.size() + 1 > kMaxConlluSentenceBytes) {
        if (!over) errors->push_back({line_, "sentence longer than 1 MiB; skipped"});
        over = true;
        block.clear();
        continue;
      }
      if (!over) block += line + "\n";
    }
    if (over || block.empty()) continue;
    ConlluFile f = ParseConllu(block, start);
    errors->insert(errors->end(), f.errors.begin(), f.errors.end());
    if (!f.sentences.empty()) {
      *sentence = std::move(f.sentences.front());
      return true;
    }
  }
  return false;
}

std::string FormatConllu(const ConlluSentence& sentence) {
  std::string out;
  for (const std::string& c : sentence.comments) out += c + "\n";
  for (const ConlluRow& r : sentence.rows) {
    for (size_t i = 0; i < 10; ++i) {
      if (i) out += '\t';
      out += r.fields[i].empty() ? "_" : r.fields[i];
    }
    out += '\n';
  }
  out += '\n';
  return out;
}

}  // namespace warta
