#include "store/sqlite_functions.h"

#include "store/body_codec.h"

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

}  // namespace

Status RegisterStoreFunctions(sqlite::Database* db) {
  struct Function {
    const char* name;
    void (*fn)(sqlite3_context*, int, sqlite3_value**);
  };
  for (Function f : {Function{"warta_original", &Unpack<&BodyCodec::Original>},
                     Function{"warta_text", &Unpack<&BodyCodec::Text>}}) {
    // One codec (its zstd contexts) per function and connection, freed with the connection.
    auto* codec = new BodyCodec();
    int rc = sqlite3_create_function_v2(db->get(), f.name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, codec, f.fn, nullptr,
                                        nullptr, [](void* p) { delete static_cast<BodyCodec*>(p); });
    if (rc != SQLITE_OK)
      return Status::Error(Status::Code::kIoError, std::string("registering ") + f.name + ": " + db->Error());
  }
  return Status::Ok();
}

}  // namespace warta
