// The arc-eager configuration the parser and its trainer share: a stack, the
// buffer front, the arcs so far and, per word, what the features read of its
// dependents. Word 0 is the root; words are 1..n.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace warta {

enum : int { kShift = 0, kReduce = 1 };  // then 2+2l: left-arc with label l, 3+2l: right-arc
inline int LeftArc(int label) { return 2 + 2 * label; }
inline int RightArc(int label) { return 3 + 2 * label; }
inline bool IsLeft(int t) { return t >= 2 && t % 2 == 0; }
inline bool IsRight(int t) { return t >= 3 && t % 2 == 1; }
inline int LabelOf(int t) { return (t - 2) / 2; }

struct ParserState {
  explicit ParserState(int words);

  int n;
  std::vector<int> stack;  // bottom: the root (0)
  int front = 1;           // the buffer's first word; n+1 when it is empty
  std::vector<int> head, label;           // -1: none yet
  std::vector<int> left1, left2, right1, right2;  // outermost dependents, -1: none
  std::vector<int> left_count, right_count;
  std::vector<uint64_t> left_labels, right_labels;  // bit sets of the labels of the dependents
  bool root_taken = false;  // the root has its one dependent

  bool Done() const { return front > n; }
  int S0() const { return stack.back(); }
  bool Valid(int t, int root_label) const;
  void Apply(int t);
  // Attaches the words left without a head at the end, as the root's
  // dependent's parataxis (punctuation: punct), the first one as the root if
  // there is none.
  void Finish(int root_label, int parataxis_label, int punct_label, const std::vector<bool>& is_punct);

 private:
  void AddArc(int h, int d, int l);
};

}  // namespace warta
