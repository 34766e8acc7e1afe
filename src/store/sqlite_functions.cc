#include "store/sqlite_functions.h"

#include <algorithm>

#include "store/body_codec.h"
#include "store/span_pack.h"

namespace warta {

namespace {

template <Result<std::string> (BodyCodec::*kPart)(std::string_view)>
void Unpack(sqlite3_context* ctx, int, sqlite3_value** args) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const void* bytes = sqlite3_value_blob(args[0]);
  std::string_view body(static_cast<const char*>(bytes), static_cast<size_t>(sqlite3_value_bytes(args[0])));
  auto* codec = static_cast<BodyCodec*>(sqlite3_user_data(ctx));
  auto text = (codec->*kPart)(body);
  if (!text.ok()) {
    sqlite3_result_error(ctx, text.status().message().c_str(), -1);
    sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
    return;
  }
  sqlite3_result_text64(ctx, text.value().data(), text.value().size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

// warta_slice's state: a codec and the last body it decompressed, so that the quotes of one
// document, read one after the other, decompress its text once.
struct SliceState {
  explicit SliceState(std::shared_ptr<const BodyDictionaries> d) : codec(std::move(d)) {}
  BodyCodec codec;
  std::string body, original;
};

void Slice(sqlite3_context* ctx, int, sqlite3_value** args) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  auto* state = static_cast<SliceState*>(sqlite3_user_data(ctx));
  std::string_view body(static_cast<const char*>(sqlite3_value_blob(args[0])),
                        static_cast<size_t>(sqlite3_value_bytes(args[0])));
  if (body != state->body) {
    auto original = state->codec.Original(body);
    if (!original.ok()) {
      sqlite3_result_error(ctx, original.status().message().c_str(), -1);
      sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
      return;
    }
    state->body.assign(body);
    state->original = std::move(original).value();
  }
  const auto size = static_cast<int64_t>(state->original.size());
  const int64_t start = std::clamp<int64_t>(sqlite3_value_int64(args[1]), 0, size);
  const int64_t end = std::clamp<int64_t>(sqlite3_value_int64(args[2]), start, size);
  sqlite3_result_text64(ctx, state->original.data() + start, static_cast<sqlite3_uint64>(end - start), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
}

// warta_pack_spans(start, end), an aggregate: the group's spans packed (store/span_pack.h).
void PackStep(sqlite3_context* ctx, int, sqlite3_value** args) {
  auto** spans = static_cast<SpanList**>(sqlite3_aggregate_context(ctx, sizeof(SpanList*)));
  if (!spans) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (!*spans) *spans = new SpanList();
  (*spans)->emplace_back(sqlite3_value_int64(args[0]), sqlite3_value_int64(args[1]));
}

void PackFinal(sqlite3_context* ctx) {
  auto** spans = static_cast<SpanList**>(sqlite3_aggregate_context(ctx, 0));
  std::string packed = spans && *spans ? PackSpans(std::move(**spans)) : std::string();
  if (spans) delete *spans;
  sqlite3_result_blob64(ctx, packed.data(), packed.size(), SQLITE_TRANSIENT);
}

// warta_merge_spans(a, b): two packed span lists as one (an entity's mentions added twice).
void Merge(sqlite3_context* ctx, int, sqlite3_value** args) {
  SpanList all;
  for (int i = 0; i < 2; ++i) {
    std::string_view packed(static_cast<const char*>(sqlite3_value_blob(args[i])),
                            static_cast<size_t>(sqlite3_value_bytes(args[i])));
    auto spans = UnpackSpans(packed);
    if (!spans.ok()) {
      sqlite3_result_error(ctx, spans.status().message().c_str(), -1);
      sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
      return;
    }
    all.insert(all.end(), spans.value().begin(), spans.value().end());
  }
  std::string packed = PackSpans(std::move(all));
  sqlite3_result_blob64(ctx, packed.data(), packed.size(), SQLITE_TRANSIENT);
}

}  // namespace

Status RegisterStoreFunctions(sqlite::Database* db, const std::shared_ptr<const BodyDictionaries>& dictionaries) {
  struct Function {
    const char* name;
    void (*fn)(sqlite3_context*, int, sqlite3_value**);
  };
  for (Function f : {Function{"warta_original", &Unpack<&BodyCodec::Original>},
                     Function{"warta_text", &Unpack<&BodyCodec::Text>}}) {
    // One codec (its zstd contexts) per function and connection, freed with the connection.
    auto* codec = new BodyCodec(dictionaries);
    int rc = sqlite3_create_function_v2(db->get(), f.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, codec, f.fn, nullptr,
                                        nullptr, [](void* p) { delete static_cast<BodyCodec*>(p); });
    if (rc != SQLITE_OK)
      return Status::Error(Status::Code::kIoError, std::string("registering ") + f.name + ": " + db->Error());
  }
  auto* slice = new SliceState(dictionaries);
  int rc = sqlite3_create_function_v2(db->get(), "warta_slice", 3, SQLITE_UTF8 | SQLITE_DETERMINISTIC, slice, &Slice,
                                      nullptr, nullptr, [](void* p) { delete static_cast<SliceState*>(p); });
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db->get(), "warta_pack_spans", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                    nullptr, &PackStep, &PackFinal, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db->get(), "warta_merge_spans", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                    &Merge, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Status::Error(Status::Code::kIoError, "registering warta_slice: " + db->Error());
  return Status::Ok();
}

}  // namespace warta
