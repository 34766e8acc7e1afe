// A shuffle that gives the same order on every standard library (std::shuffle
// may differ between them): training must give the same model bytes anywhere.
#pragma once

#include <random>
#include <vector>

namespace warta {

template <typename T>
void Shuffle(std::vector<T>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    size_t j = static_cast<size_t>((*rng)() % i);
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

}  // namespace warta
