#include "syntax/parser_state.h"

#include <cstddef>

namespace warta {

ParserState::ParserState(int words)
    : n(words),
      head(static_cast<size_t>(words) + 1, -1),
      label(static_cast<size_t>(words) + 1, -1),
      left1(static_cast<size_t>(words) + 1, -1),
      left2(static_cast<size_t>(words) + 1, -1),
      right1(static_cast<size_t>(words) + 1, -1),
      right2(static_cast<size_t>(words) + 1, -1),
      left_count(static_cast<size_t>(words) + 1, 0),
      right_count(static_cast<size_t>(words) + 1, 0),
      left_labels(static_cast<size_t>(words) + 1, 0),
      right_labels(static_cast<size_t>(words) + 1, 0) {
  stack.reserve(static_cast<size_t>(words) + 1);
  stack.push_back(0);
}

bool ParserState::Valid(int t, int root_label) const {
  int s0 = S0();
  if (t == kShift) return front <= n;
  if (t == kReduce) return s0 != 0 && head[s0] != -1;
  int l = LabelOf(t);
  if (IsLeft(t)) return front <= n && s0 != 0 && head[s0] == -1 && l != root_label;
  // Right-arc: from the root only "root", once; elsewhere anything but "root".
  if (front > n) return false;
  return s0 == 0 ? (l == root_label && !root_taken) : l != root_label;
}

void ParserState::AddArc(int h, int d, int l) {
  head[d] = h;
  label[d] = l;
  uint64_t bit = uint64_t{1} << (l & 63);
  if (d < h) {
    if (left1[h] == -1 || d < left1[h]) left2[h] = left1[h], left1[h] = d;
    else if (left2[h] == -1 || d < left2[h]) left2[h] = d;
    ++left_count[h];
    left_labels[h] |= bit;
  } else {
    if (right1[h] == -1 || d > right1[h]) right2[h] = right1[h], right1[h] = d;
    else if (right2[h] == -1 || d > right2[h]) right2[h] = d;
    ++right_count[h];
    right_labels[h] |= bit;
  }
  if (h == 0) root_taken = true;
}

void ParserState::Apply(int t) {
  if (t == kShift) {
    stack.push_back(front++);
  } else if (t == kReduce) {
    stack.pop_back();
  } else if (IsLeft(t)) {
    AddArc(front, S0(), LabelOf(t));
    stack.pop_back();
  } else {
    AddArc(S0(), front, LabelOf(t));
    stack.push_back(front++);
  }
}

void ParserState::Finish(int root_label, int parataxis_label, int punct_label, const std::vector<bool>& is_punct) {
  int root_child = -1;
  for (int i = 1; i <= n; ++i)
    if (head[i] == 0) root_child = i;
  for (int i = 1; i <= n; ++i) {
    if (head[i] != -1) continue;
    if (root_child == -1) {
      AddArc(0, i, root_label);
      root_child = i;
    } else {
      AddArc(root_child, i, is_punct[static_cast<size_t>(i)] ? punct_label : parataxis_label);
    }
  }
}

}  // namespace warta
