#include "syntax/parser.h"

#include <algorithm>
#include <random>

#include "syntax/parser_state.h"
#include "syntax/shuffle.h"

namespace warta {

namespace {

constexpr uint64_t kRootWord = 0x2F1E5B7A9C3D4E61ULL;
constexpr uint64_t kNone = 0x7D3C2B1A09F8E7D6ULL;

// What the features read of the words: form, tag, Indonesian-style prefix
// (di-/me-/ber-/ter-), with the root and "no word" as their own values.
struct Atoms {
  std::vector<uint64_t> form, tag, prefix;
  Atoms(const std::vector<WordInfo>& words, const std::vector<Upos>& tags) {
    size_t n = words.size();
    form.resize(n + 1);
    tag.resize(n + 1);
    prefix.resize(n + 1);
    form[0] = tag[0] = prefix[0] = kRootWord;
    for (size_t i = 0; i < n; ++i) {
      form[i + 1] = words[i].form;
      tag[i + 1] = static_cast<uint64_t>(tags[i]) + 1;
      prefix[i + 1] = words[i].prefix[1] ? words[i].prefix[1] : kNone;
    }
  }
  uint64_t W(int i) const { return i < 0 || i >= static_cast<int>(form.size()) ? kNone : form[static_cast<size_t>(i)]; }
  uint64_t P(int i) const { return i < 0 || i >= static_cast<int>(tag.size()) ? kNone : tag[static_cast<size_t>(i)]; }
  uint64_t X(int i) const { return i < 0 || i >= static_cast<int>(prefix.size()) ? kNone : prefix[static_cast<size_t>(i)]; }
};

uint64_t Lab(const ParserState& s, int i) {
  return i < 0 ? kNone : static_cast<uint64_t>(s.label[static_cast<size_t>(i)] + 2);
}
int At(const std::vector<int>& v, int i) { return i < 0 ? -1 : v[static_cast<size_t>(i)]; }

// The feature templates of Zhang & Nivre (2011) for arc-eager: the stack top
// S0, the buffer N0..N2, S0's head and grand-head, the outermost dependents of
// S0 and N0, distance, valency and the sets of dependents' labels.
void Features(const ParserState& s, const Atoms& a, std::vector<uint64_t>* out) {
  out->clear();
  const int s0 = s.S0();
  const int s1 = s.stack.size() > 1 ? s.stack[s.stack.size() - 2] : -1;
  const int n0 = s.front <= s.n ? s.front : -1;
  const int n1 = n0 != -1 && n0 + 1 <= s.n ? n0 + 1 : -1;
  const int n2 = n1 != -1 && n1 + 1 <= s.n ? n1 + 1 : -1;
  const int s0h = At(s.head, s0), s0h2 = At(s.head, s0h);
  const int s0l = At(s.left1, s0), s0r = At(s.right1, s0), s0l2 = At(s.left2, s0), s0r2 = At(s.right2, s0);
  const int n0l = At(s.left1, n0), n0l2 = At(s.left2, n0);
  uint64_t S0w = a.W(s0), S0p = a.P(s0), N0w = a.W(n0), N0p = a.P(n0), N1w = a.W(n1), N1p = a.P(n1);
  uint64_t N2w = a.W(n2), N2p = a.P(n2);
  uint64_t d = n0 == -1 || s0 == 0 ? 0 : static_cast<uint64_t>(std::min(n0 - s0, 6));
  uint64_t t = 0;
  auto add = [&](uint64_t x, uint64_t y = 0, uint64_t z = 0) { out->push_back(FeatureKey(++t, x, y, z)); };
  add(S0w); add(S0p); add(S0w, S0p);
  add(N0w); add(N0p); add(N0w, N0p);
  add(N1w); add(N1p); add(N1w, N1p);
  add(N2w); add(N2p); add(N2w, N2p);
  add(S0w * 31 + S0p, N0w, N0p); add(S0w, S0p, N0w); add(S0w, N0w, N0p); add(S0w, S0p, N0p);
  add(S0p, N0w, N0p); add(S0w, N0w); add(S0p, N0p); add(N0p, N1p);
  add(N0p, N1p, N2p); add(S0p, N0p, N1p); add(a.P(s0h), S0p, N0p); add(S0p, a.P(s0l), N0p);
  add(S0p, a.P(s0r), N0p); add(S0p, N0p, a.P(n0l));
  add(S0w, d); add(S0p, d); add(N0w, d); add(N0p, d); add(S0w, N0w, d); add(S0p, N0p, d);
  uint64_t s0vr = s0 < 0 ? 0 : static_cast<uint64_t>(s.right_count[static_cast<size_t>(s0)]);
  uint64_t s0vl = s0 < 0 ? 0 : static_cast<uint64_t>(s.left_count[static_cast<size_t>(s0)]);
  uint64_t n0vl = n0 < 0 ? 0 : static_cast<uint64_t>(s.left_count[static_cast<size_t>(n0)]);
  add(S0w, s0vr); add(S0p, s0vr); add(S0w, s0vl); add(S0p, s0vl); add(N0w, n0vl); add(N0p, n0vl);
  add(a.W(s0h)); add(a.P(s0h)); add(Lab(s, s0));
  add(a.W(s0l)); add(a.P(s0l)); add(Lab(s, s0l));
  add(a.W(s0r)); add(a.P(s0r)); add(Lab(s, s0r));
  add(a.W(n0l)); add(a.P(n0l)); add(Lab(s, n0l));
  add(a.W(s0h2)); add(a.P(s0h2)); add(Lab(s, s0h));
  add(a.W(s0l2)); add(a.P(s0l2)); add(Lab(s, s0l2));
  add(a.W(s0r2)); add(a.P(s0r2)); add(Lab(s, s0r2));
  add(a.W(n0l2)); add(a.P(n0l2)); add(Lab(s, n0l2));
  add(S0p, a.P(s0l), a.P(s0l2)); add(S0p, a.P(s0r), a.P(s0r2)); add(S0p, a.P(s0h), a.P(s0h2));
  add(N0p, a.P(n0l), a.P(n0l2));
  uint64_t s0sr = s0 < 0 ? 0 : s.right_labels[static_cast<size_t>(s0)];
  uint64_t s0sl = s0 < 0 ? 0 : s.left_labels[static_cast<size_t>(s0)];
  uint64_t n0sl = n0 < 0 ? 0 : s.left_labels[static_cast<size_t>(n0)];
  add(S0w, s0sr); add(S0p, s0sr); add(S0w, s0sl); add(S0p, s0sl); add(N0w, n0sl); add(N0p, n0sl);
  add(a.P(s1), S0p, N0p); add(a.W(s1));
  add(a.X(n0), N0p); add(a.X(s0), S0p, N0p);
}

int Best(const ParserState& s, const int32_t* scores, int classes, int root) {
  int best = -1;
  for (int t = 0; t < classes; ++t)
    if (s.Valid(t, root) && (best == -1 || scores[t] > scores[best])) best = t;
  return best;
}

int FindLabel(const std::vector<std::string>& labels, const char* name) {
  auto it = std::find(labels.begin(), labels.end(), name);
  return it == labels.end() ? 0 : static_cast<int>(it - labels.begin());
}

std::vector<bool> PunctFlags(const std::vector<Upos>& tags) {
  std::vector<bool> out(tags.size() + 1, false);
  for (size_t i = 0; i < tags.size(); ++i) out[i + 1] = tags[i] == Upos::kPunct;
  return out;
}

// The arcs a transition makes unreachable (Goldberg & Nivre 2012, arc-eager).
int Cost(const ParserState& s, int t, const std::vector<int>& gh, const std::vector<int>& gl) {
  const int s0 = s.S0(), b = s.front, n = s.n;
  int cost = 0;
  auto buffer_heads_of = [&](int x, int from) {  // words in the buffer from `from` whose gold head is x
    int c = 0;
    for (int k = from; k <= n; ++k) c += gh[static_cast<size_t>(k)] == x;
    return c;
  };
  auto stack_children_of = [&](int x) {  // headless stack words whose gold head is x
    int c = 0;
    for (int k : s.stack) c += k != 0 && s.head[static_cast<size_t>(k)] == -1 && gh[static_cast<size_t>(k)] == x;
    return c;
  };
  auto in_stack = [&](int x, int except) {
    for (int k : s.stack)
      if (k == x && k != except) return true;
    return false;
  };
  if (t == kShift) {
    cost += in_stack(gh[static_cast<size_t>(b)], -1) + stack_children_of(b);
  } else if (t == kReduce) {
    cost += buffer_heads_of(s0, b);
  } else if (IsLeft(t)) {
    int g = gh[static_cast<size_t>(s0)];
    cost += buffer_heads_of(s0, b) + (g > b ? 1 : 0) + (g == b && gl[static_cast<size_t>(s0)] != LabelOf(t));
  } else {
    int g = gh[static_cast<size_t>(b)];
    cost += (g > b ? 1 : 0) + in_stack(g, s0) + stack_children_of(b) +
            (g == s0 && gl[static_cast<size_t>(b)] != LabelOf(t));
  }
  return cost;
}

}  // namespace

Parser::Parser(LinearModel model, std::vector<std::string> labels)
    : model_(std::move(model)), labels_(std::move(labels)), root_(FindLabel(labels_, "root")) {}

ParseResult Parser::Parse(const std::vector<WordInfo>& words, const std::vector<Upos>& tags) const {
  const int n = static_cast<int>(words.size());
  const int classes = static_cast<int>(model_.classes());
  Atoms atoms(words, tags);
  ParserState s(n);
  std::vector<uint64_t> f;
  std::vector<int32_t> scores(model_.score_size());
  while (!s.Done()) {
    Features(s, atoms, &f);
    std::fill(scores.begin(), scores.end(), 0);
    model_.Score(f.data(), f.size(), scores.data());
    s.Apply(Best(s, scores.data(), classes, root_));
  }
  s.Finish(root_, FindLabel(labels_, "parataxis"), FindLabel(labels_, "punct"), PunctFlags(tags));
  ParseResult r;
  r.heads.assign(s.head.begin() + 1, s.head.end());
  r.labels.assign(s.label.begin() + 1, s.label.end());
  return r;
}

void Projectivize(std::vector<int>* heads) {
  const int n = static_cast<int>(heads->size());
  auto h = [&](int d) { return (*heads)[static_cast<size_t>(d - 1)]; };
  auto dominates = [&](int a, int d) {  // is a an ancestor of d (or d itself)?
    for (int steps = 0; d != 0 && steps <= n; ++steps, d = h(d))
      if (d == a) return true;
    return a == 0;
  };
  for (int round = 0; round < n * n + 1; ++round) {
    int worst = -1, worst_len = 0;
    for (int d = 1; d <= n; ++d) {
      int hd = h(d), lo = std::min(hd, d), hi = std::max(hd, d);
      for (int k = lo + 1; k < hi; ++k)
        if (!dominates(hd, k)) {
          if (worst == -1 || hi - lo < worst_len) worst = d, worst_len = hi - lo;
          break;
        }
    }
    if (worst == -1) return;
    (*heads)[static_cast<size_t>(worst - 1)] = h(h(worst));  // lift: the head's head
  }
}

std::vector<Parser> TrainParser(const std::vector<ParserExample>& examples, const std::vector<std::string>& labels,
                                int epochs, double explore, uint64_t seed, uint32_t min_count, int styles) {
  const int root = FindLabel(labels, "root");
  const int classes = 2 + 2 * static_cast<int>(labels.size());
  PerceptronTrainer trainer(static_cast<size_t>(classes));
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<uint64_t> f;
  std::vector<double> scores;
  std::vector<int> costs(static_cast<size_t>(classes));
  for (int epoch = 0; epoch < epochs; ++epoch) {
    Shuffle(&order, &rng);
    for (size_t k : order) {
      const ParserExample& ex = examples[k];
      std::vector<int> gh(ex.heads.size() + 1, -1), gl(ex.heads.size() + 1, -1);
      for (size_t i = 0; i < ex.heads.size(); ++i) gh[i + 1] = ex.heads[i], gl[i + 1] = ex.labels[i];
      Atoms atoms(ex.words, ex.tags);
      ParserState s(static_cast<int>(ex.words.size()));
      while (!s.Done()) {
        Features(s, atoms, &f);
        AddStyleKeys(&f, ex.style);
        trainer.Score(f, &scores);
        int guess = -1, gold = -1;
        for (int t = 0; t < classes; ++t) {
          if (!s.Valid(t, root)) continue;
          costs[static_cast<size_t>(t)] = Cost(s, t, gh, gl);
          if (guess == -1 || scores[static_cast<size_t>(t)] > scores[static_cast<size_t>(guess)]) guess = t;
        }
        int least = 1 << 30;
        for (int t = 0; t < classes; ++t)
          if (s.Valid(t, root)) least = std::min(least, costs[static_cast<size_t>(t)]);
        for (int t = 0; t < classes; ++t)
          if (s.Valid(t, root) && costs[static_cast<size_t>(t)] == least &&
              (gold == -1 || scores[static_cast<size_t>(t)] > scores[static_cast<size_t>(gold)]))
            gold = t;
        bool wrong = costs[static_cast<size_t>(guess)] > least;
        trainer.Update(f, static_cast<size_t>(gold), static_cast<size_t>(wrong ? guess : gold));
        bool follow = !wrong || (epoch > 0 && coin(rng) < explore);
        s.Apply(follow ? guess : gold);
      }
    }
  }
  std::vector<Parser> out;
  if (styles <= 0) out.emplace_back(trainer.Average(min_count), labels);
  for (int st = 0; st < styles; ++st) out.emplace_back(trainer.Average(min_count, st), labels);
  return out;
}

}  // namespace warta
