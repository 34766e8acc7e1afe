// Runs fn(i) for i in [0, n) on `threads` threads and returns when all are
// done. Results are written by index, so the order of output never depends on
// the thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace warta {

template <typename Fn>
void ParallelFor(size_t n, unsigned threads, Fn&& fn) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n)));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
}

}  // namespace warta
