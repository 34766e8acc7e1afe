// Small helpers the eval programs share.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "input/record.h"

namespace warta::eval {

// The whole file, or "" when it cannot be read (each eval checks existence first).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The columns of ../shared/data/detik-1k-entity-summ/data_berita.csv.
inline FieldMap DetikFields() {
  FieldMap f;
  f.title = "judul";
  f.text = "isi_berita";
  f.url = "tautan";
  f.published = "tanggal";
  return f;
}

}  // namespace warta::eval
