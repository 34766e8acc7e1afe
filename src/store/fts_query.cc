#include "store/fts_query.h"

#include <vector>

namespace warta {
namespace {

struct Token {
  enum Kind { kWord, kString, kPunct, kEnd } kind;
  std::string text;  // the word, the string's contents, or the punctuation character
};

Status SyntaxError(std::string_view near) {
  return Status::Error(Status::Code::kInvalidArgument, "fts5: syntax error near \"" + std::string(near) + "\"");
}

// FTS5's bareword characters: ASCII letters and digits, '_', 0x1A and every non-ASCII byte.
bool Bare(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == 0x1A ||
         c >= 0x80;
}

Result<std::vector<Token>> Lex(std::string_view q) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < q.size()) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '"') {
      std::string s;
      for (++i;; ++i) {
        if (i >= q.size()) return Status::Error(Status::Code::kInvalidArgument, "unterminated string");
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') { s.push_back('"'); ++i; continue; }
          ++i;
          break;
        }
        s.push_back(q[i]);
      }
      out.push_back({Token::kString, std::move(s)});
    } else if (Bare(c)) {
      size_t start = i;
      while (i < q.size() && Bare(static_cast<unsigned char>(q[i]))) ++i;
      out.push_back({Token::kWord, std::string(q.substr(start, i - start))});
    } else if (std::string_view("():*+^-{},").find(static_cast<char>(c)) != std::string_view::npos) {
      out.push_back({Token::kPunct, std::string(1, static_cast<char>(c))});
      ++i;
    } else {
      return SyntaxError(q.substr(i, 1));
    }
  }
  out.push_back({Token::kEnd, ""});
  return out;
}

// A to_tsquery operand: the term quoted, so that the parser splits it into
// lexemes (a phrase when it holds several words) and nothing in it is syntax.
std::string Quote(const std::string& term) {
  std::string out = "'";
  for (char c : term) {
    if (c == '\'' || c == '\\') out.push_back(c == '\'' ? '\'' : '\\');
    out.push_back(c);
  }
  return out + "'";
}

constexpr int kTitle = 1, kText = 2, kBoth = 3;

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  Result<std::string> Parse() {
    // "*word" opens one of FTS5's special queries, none of which searches.
    if (IsPunct('*'))
      return Status::Error(Status::Code::kInvalidArgument, "unknown special query: " + t_[pos_ + 1].text);
    auto e = Or(kBoth);
    if (!e.ok()) return e;
    if (Peek().kind != Token::kEnd) return SyntaxError(Peek().text);
    return e;
  }

 private:
  const Token& Peek() const { return t_[pos_]; }
  bool IsOp(const char* op) const { return Peek().kind == Token::kWord && Peek().text == op; }
  bool IsPunct(char c) const { return Peek().kind == Token::kPunct && Peek().text[0] == c; }
  // Whether the next token can open an operand (implicit AND).
  bool StartsOperand() const {
    if (Peek().kind == Token::kString) return true;
    if (Peek().kind == Token::kWord) return !IsOp("AND") && !IsOp("OR") && !IsOp("NOT");
    return IsPunct('^') || IsPunct('-') || IsPunct('{');
  }

  // Precedence as FTS5's grammar (fts5parse.y): OR < AND < NOT, left-associative.
  Result<std::string> Or(int cols) { return Binary(cols, "OR", " | ", &Parser::And); }
  Result<std::string> And(int cols) { return Binary(cols, "AND", " & ", &Parser::Not); }
  Result<std::string> Not(int cols) { return Binary(cols, "NOT", " & !", &Parser::Unit); }

  Result<std::string> Binary(int cols, const char* op, const char* joint, Result<std::string> (Parser::*operand)(int)) {
    auto left = (this->*operand)(cols);
    if (!left.ok()) return left;
    std::string out = left.value();
    while (IsOp(op)) {
      ++pos_;
      auto right = (this->*operand)(cols);
      if (!right.ok()) return right;
      out = "(" + out + joint + right.value() + ")";
    }
    return out;
  }

  // ( expr ), colset : ( expr ), or a list of phrases (implicit AND: only
  // between phrases, never next to a parenthesis, as in FTS5).
  Result<std::string> Unit(int cols) {
    size_t start = pos_;
    auto c = Columns(cols);
    if (!c.ok()) return c.status();
    if (IsPunct('(')) {
      ++pos_;
      auto e = Or(c.value());
      if (!e.ok()) return e;
      if (!IsPunct(')')) return SyntaxError(Peek().text);
      ++pos_;
      return e;
    }
    pos_ = start;  // the column filter belongs to the first phrase
    std::string out;
    do {
      auto c2 = Columns(cols);
      if (!c2.ok()) return c2.status();
      bool near = IsOp("NEAR") && t_[pos_ + 1].kind == Token::kPunct && t_[pos_ + 1].text == "(";
      auto p = near ? Near(c2.value()) : Phrase(c2.value());
      if (!p.ok()) return p;
      out = out.empty() ? p.value() : "(" + out + " & " + p.value() + ")";
    } while (StartsOperand());
    return out;
  }

  // An optional column filter before a phrase or group: col:, -col:, {a b}:, -{a b}:.
  Result<int> Columns(int cols) {
    size_t start = pos_;
    bool exclude = IsPunct('-');
    if (exclude) ++pos_;
    int named = 0;
    if (IsPunct('{')) {
      for (++pos_; !IsPunct('}'); ++pos_) {
        if (Peek().kind != Token::kWord) return SyntaxError(Peek().text);
        auto c = Column(Peek().text);
        if (!c.ok()) return c.status();
        named |= c.value();
      }
      ++pos_;
    } else if (Peek().kind == Token::kWord &&
               (exclude || (t_[pos_ + 1].kind == Token::kPunct && t_[pos_ + 1].text == ":"))) {
      auto c = Column(Peek().text);
      if (!c.ok()) return c.status();
      named = c.value();
      ++pos_;
    } else if (exclude) {
      return SyntaxError(Peek().text);
    }
    if (named == 0) return cols;
    if (!IsPunct(':')) return SyntaxError(pos_ == start ? "" : Peek().text);
    ++pos_;
    return cols & (exclude ? kBoth & ~named : named);
  }

  static Result<int> Column(const std::string& name) {
    if (name == "title") return kTitle;
    if (name == "text") return kText;
    return Status::Error(Status::Code::kInvalidArgument, "no such column: " + name);
  }

  // term ('+' term)*, each term a word or a string, with an optional '*'.
  Result<std::string> Phrase(int cols) {
    std::string out;
    if (IsPunct('^')) ++pos_;  // first token of a column: not expressible, matched anywhere
    for (;;) {
      if (Peek().kind != Token::kWord && Peek().kind != Token::kString) return SyntaxError(Peek().text);
      if (IsOp("AND") || IsOp("OR") || IsOp("NOT")) return SyntaxError(Peek().text);
      std::string term = Quote(Peek().text);
      ++pos_;
      std::string label;
      if (IsPunct('*')) { label += "*"; ++pos_; }
      if (cols == kTitle) label += "A";
      if (cols == kText) label += "B";
      if (cols == 0) label += "C";  // no column: weight C is never given, nothing matches
      if (!label.empty()) term += ":" + label;
      out += out.empty() ? term : " <-> " + term;
      if (!IsPunct('+')) return out.find(" <-> ") == std::string::npos ? out : "(" + out + ")";
      ++pos_;
    }
  }

  // NEAR(p1 p2 …[, N]): every phrase, without the distance.
  Result<std::string> Near(int cols) {
    pos_ += 2;
    std::string out;
    while (!IsPunct(')') && !IsPunct(',')) {
      auto p = Phrase(cols);
      if (!p.ok()) return p;
      out = out.empty() ? p.value() : "(" + out + " & " + p.value() + ")";
    }
    if (IsPunct(',')) {
      ++pos_;
      if (Peek().kind != Token::kWord) return SyntaxError(Peek().text);
      ++pos_;
    }
    if (!IsPunct(')') || out.empty()) return SyntaxError(Peek().text);
    ++pos_;
    return out;
  }

  std::vector<Token> t_;
  size_t pos_ = 0;
};

}  // namespace

Result<std::string> Fts5ToTsquery(std::string_view query) {
  auto tokens = Lex(query);
  if (!tokens.ok()) return tokens.status();
  return Parser(std::move(tokens).value()).Parse();
}

}  // namespace warta

namespace warta {

namespace {

// One piece of typed search text.
struct Piece {
  enum Kind { kTerm, kOperator, kOpen, kClose } kind;
  std::string text;  // as FTS5 reads it
};

// `word` searched as written: a quoted phrase ("" doubles a quote), with a trailing * kept
// as a prefix search.
std::string QuotedTerm(std::string_view word) {
  bool prefix = word.size() > 1 && word.back() == '*';
  if (prefix) word.remove_suffix(1);
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return prefix ? out + "*" : out;
}

std::vector<Piece> Pieces(std::string_view text) {
  std::vector<Piece> out;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < text.size()) {
    char c = text[i];
    if (space(c)) {
      ++i;
    } else if (c == '"' && text.find('"', i + 1) != std::string_view::npos) {  // a phrase
      size_t end = text.find('"', i + 1);
      std::string_view phrase = text.substr(i + 1, end - i - 1);
      i = end + 1;
      bool prefix = i < text.size() && text[i] == '*';
      if (prefix) ++i;
      if (phrase.find_first_not_of(" \t\r\n") != std::string_view::npos)
        out.push_back({Piece::kTerm, QuotedTerm(prefix ? std::string(phrase) + "*" : std::string(phrase))});
    } else if (c == '"') {  // unmatched: a space
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Piece::kOpen : Piece::kClose, std::string(1, c)});
      ++i;
    } else {
      size_t start = i;
      while (i < text.size() && !space(text[i]) && text[i] != '(' && text[i] != ')' && text[i] != '"') ++i;
      std::string_view word = text.substr(start, i - start);
      if (word == "AND" || word == "OR" || word == "NOT") out.push_back({Piece::kOperator, std::string(word)});
      else out.push_back({Piece::kTerm, QuotedTerm(word)});
    }
  }
  return out;
}

// Parentheses kept only when they all balance and none is empty.
void DropBadParentheses(std::vector<Piece>* pieces) {
  int depth = 0;
  bool ok = true;
  for (size_t i = 0; i < pieces->size(); ++i) {
    const Piece& p = (*pieces)[i];
    if (p.kind == Piece::kOpen) {
      ++depth;
      if (i + 1 < pieces->size() && (*pieces)[i + 1].kind == Piece::kClose) ok = false;
    }
    if (p.kind == Piece::kClose && --depth < 0) ok = false;
  }
  if (ok && depth == 0) return;
  std::erase_if(*pieces, [](const Piece& p) { return p.kind == Piece::kOpen || p.kind == Piece::kClose; });
}

}  // namespace

std::string SafeSearchQuery(std::string_view text) {
  std::vector<Piece> pieces = Pieces(text);
  DropBadParentheses(&pieces);
  // An operator joins what ends an operand (a term, ")") to what starts one (a term, "(").
  std::string out;
  std::vector<Piece::Kind> kept;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& p = pieces[i];
    if (p.kind == Piece::kOperator) {
      bool after = i > 0 && (pieces[i - 1].kind == Piece::kTerm || pieces[i - 1].kind == Piece::kClose);
      bool before = i + 1 < pieces.size() && (pieces[i + 1].kind == Piece::kTerm || pieces[i + 1].kind == Piece::kOpen);
      if (!after || !before) continue;
    }
    // FTS5 joins adjacent phrases with an implicit AND, but not a group: there it is written.
    bool ends = !kept.empty() && (kept.back() == Piece::kTerm || kept.back() == Piece::kClose);
    bool starts = p.kind == Piece::kTerm || p.kind == Piece::kOpen;
    if (ends && starts && (kept.back() == Piece::kClose || p.kind == Piece::kOpen)) out += " AND";
    if (!out.empty() && out.back() != '(' && p.kind != Piece::kClose) out += ' ';
    out += p.text;
    kept.push_back(p.kind);
  }
  return out;
}

}  // namespace warta
