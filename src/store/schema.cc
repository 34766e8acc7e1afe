#include "store/schema.h"

namespace warta {

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: documents, actors and what was extracted from them.
      R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,
  input_id TEXT,
  source TEXT NOT NULL,
  site TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  day INTEGER,
  lang TEXT NOT NULL,
  original TEXT NOT NULL,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES documents(id),
  similarity REAL,
  story INTEGER
);
CREATE INDEX documents_content ON documents(content_hash);
CREATE INDEX documents_duplicate ON documents(duplicate_of);
CREATE INDEX documents_story ON documents(story);
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  subtype TEXT,
  country TEXT,
  actor TEXT,
  kb TEXT
);
CREATE INDEX entities_actor ON entities(actor);
CREATE TABLE mentions (
  document INTEGER NOT NULL REFERENCES documents(id),
  entity INTEGER NOT NULL REFERENCES entities(id),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT,
  speaker_entity INTEGER REFERENCES entities(id),
  speaker_role TEXT,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id),
  source_entity INTEGER REFERENCES entities(id),
  target_entity INTEGER REFERENCES entities(id),
  source_name TEXT NOT NULL,
  target_name TEXT NOT NULL,
  source_actor TEXT NOT NULL,
  target_actor TEXT NOT NULL,
  cameo TEXT NOT NULL,
  plover TEXT,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  negated INTEGER NOT NULL,
  via TEXT NOT NULL,
  sentence TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  day INTEGER
);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_dyad ON events(source_actor, target_actor);
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
)sql",
      // 2: duplicates, stories and learned page furniture.
      R"sql(
CREATE TABLE dedup (
  document INTEGER PRIMARY KEY REFERENCES documents(id),
  shingles BLOB NOT NULL,
  bands BLOB NOT NULL
);
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  first_day INTEGER,
  last_day INTEGER,
  size INTEGER NOT NULL,
  last_doc INTEGER NOT NULL,
  open INTEGER NOT NULL,
  centroid BLOB NOT NULL
);
CREATE INDEX stories_open ON stories(open, last_doc);
CREATE TABLE lines (
  site TEXT NOT NULL,
  hash INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (site, hash)
) WITHOUT ROWID;
)sql",
      // 3: topics, the coarser grouping beside stories.
      R"sql(
ALTER TABLE documents ADD COLUMN topic INTEGER;
CREATE INDEX documents_topic ON documents(topic);
CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  first_day INTEGER,
  last_day INTEGER,
  size INTEGER NOT NULL,
  last_doc INTEGER NOT NULL,
  open INTEGER NOT NULL,
  centroid BLOB NOT NULL
);
CREATE INDEX topics_open ON topics(open, last_doc);
)sql",
      // 4: full-text search over titles and cleaned texts (FTS5, external content).
      R"sql(
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
)sql",
      // 5: the article texts compressed into one value (store/body_codec.h); SqliteStore
      // fills `body` from the old columns right after this step (PackBodies).
      R"sql(
ALTER TABLE documents ADD COLUMN body BLOB;
DROP TRIGGER documents_fts_insert;
DROP TABLE documents_fts;
)sql",
      // 6: the uncompressed texts and the stored shingles go; full-text search reads the
      // cleaned text through a view that decompresses it (only for snippets and rebuilds:
      // new documents are indexed by the writer with the text it has).
      R"sql(
ALTER TABLE documents DROP COLUMN original;
ALTER TABLE documents DROP COLUMN text;
ALTER TABLE dedup DROP COLUMN shingles;
CREATE VIEW documents_texts AS SELECT id, title, warta_text(body) AS text FROM documents;
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents_texts', content_rowid='id');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
)sql",
  };
  return kMigrations;
}

}  // namespace warta
