// SQL functions every warta connection to an SQLite store has, for reading
// the compressed article texts (store/body_codec.h) inside queries:
//   warta_original(body)  the text as read (what every offset indexes)
//   warta_text(body)      the cleaned text
//   warta_slice(body, start, end)  bytes [start, end) of the original text
//                         (a quotation's words; the last body is kept decompressed)
//   warta_pack_spans(start, end)   aggregate: a group's spans packed (span_pack.h)
//   warta_merge_spans(a, b)        two packed lists as one
// A damaged value is an SQLITE_CORRUPT error naming what is wrong. The plain
// `sqlite3` shell lacks them: there the texts read as BLOBs.
#pragma once

#include <memory>

#include "store/body_dictionaries.h"
#include "store/sqlite.h"
#include "util/status.h"

namespace warta {

// `dictionaries`: the store's text dictionaries, which the functions' codecs share.
Status RegisterStoreFunctions(sqlite::Database* db, const std::shared_ptr<const BodyDictionaries>& dictionaries);

}  // namespace warta
