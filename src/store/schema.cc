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
      R"sql(
-- 7: aggregates kept by triggers, so that the dashboard's and the CLI's summaries read a few
-- rows instead of scanning every mention and event. Canonical documents only (a copy's
-- mentions and events are not counted twice): when a document becomes a copy or stops being
-- one, its contributions are taken out or put back. Undated documents have day -2147483648.
CREATE TABLE agg_totals (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE agg_nodes (
  node TEXT NOT NULL, day INTEGER NOT NULL, label TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY (node, day, label)) WITHOUT ROWID;
CREATE TABLE agg_pairs (
  source TEXT NOT NULL, target TEXT NOT NULL, day INTEGER NOT NULL, events INTEGER NOT NULL,
  q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL, goldstein REAL NOT NULL,
  PRIMARY KEY (source, target, day)) WITHOUT ROWID;
CREATE INDEX agg_pairs_day ON agg_pairs(day);
CREATE TABLE agg_entities (
  entity INTEGER PRIMARY KEY, documents INTEGER NOT NULL, mentions INTEGER NOT NULL);
CREATE TABLE agg_entity_days (
  entity INTEGER NOT NULL, day INTEGER NOT NULL, documents INTEGER NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY (entity, day)) WITHOUT ROWID;
CREATE INDEX agg_entities_rank ON agg_entities(documents DESC, mentions DESC, entity);
DROP INDEX mentions_entity;
CREATE INDEX mentions_entity ON mentions(entity, document);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_entity, day);
CREATE INDEX events_target ON events(target_entity, day);
CREATE INDEX stories_size ON stories(size DESC, id);
CREATE INDEX topics_size ON topics(size DESC, id);
-- Quotes carry their document's day, so that listings newest first walk an index.
ALTER TABLE quotes ADD COLUMN day INTEGER;
UPDATE quotes SET day = (SELECT day FROM documents WHERE id = quotes.document);
DROP INDEX quotes_speaker;
CREATE INDEX quotes_day ON quotes(day DESC, document DESC, start);
CREATE INDEX quotes_speaker ON quotes(speaker_entity, day DESC, document DESC, start);

CREATE TRIGGER agg_document AFTER INSERT ON documents BEGIN
  INSERT INTO agg_totals VALUES ('documents', 1), ('unique_documents', (new.duplicate_of IS NULL)),
    ('duplicates', (new.duplicate_of IS NOT NULL))
  ON CONFLICT(name) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER agg_entity AFTER INSERT ON entities BEGIN
  INSERT INTO agg_totals VALUES ('entities', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agg_story AFTER INSERT ON stories BEGIN
  INSERT INTO agg_totals VALUES ('stories', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agg_topic AFTER INSERT ON topics BEGIN
  INSERT INTO agg_totals VALUES ('topics', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agg_quote AFTER INSERT ON quotes
WHEN (SELECT duplicate_of IS NULL FROM documents WHERE id = new.document) BEGIN
  INSERT INTO agg_totals VALUES ('quotes', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER agg_event AFTER INSERT ON events
WHEN (SELECT duplicate_of IS NULL FROM documents WHERE id = new.document) BEGIN
  INSERT INTO agg_totals VALUES ('events', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1;
  INSERT INTO agg_pairs VALUES (CASE WHEN new.source_actor LIKE 'IGO%' THEN new.source_actor ELSE substr(new.source_actor, 1, 3) END, CASE WHEN new.target_actor LIKE 'IGO%' THEN new.target_actor ELSE substr(new.target_actor, 1, 3) END, COALESCE(new.day, -2147483648), 1,
    new.quad_class = 1, new.quad_class = 2, new.quad_class = 3, new.quad_class = 4, new.goldstein)
  ON CONFLICT(source, target, day) DO UPDATE SET events = events + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
    q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
END;
CREATE TRIGGER agg_mention AFTER INSERT ON mentions
WHEN (SELECT duplicate_of IS NULL FROM documents WHERE id = new.document) BEGIN
  INSERT INTO agg_entities VALUES (new.entity,
    NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity = new.entity AND m.document = new.document AND m.rowid <> new.rowid), 1)
  ON CONFLICT(entity) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + 1;
  INSERT INTO agg_entity_days SELECT new.entity, COALESCE(d.day, -2147483648),
    NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity = new.entity AND m.document = new.document AND m.rowid <> new.rowid), 1
    FROM documents d WHERE d.id = new.document
  ON CONFLICT(entity, day) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + 1;
  INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END, COALESCE(d.day, -2147483648),
    CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, 1
    FROM entities en, documents d WHERE en.id = new.entity AND d.id = new.document AND en.actor IS NOT NULL
  ON CONFLICT(node, day, label) DO UPDATE SET mentions = mentions + 1;
END;
-- A document that becomes a copy (sign -1) or stops being one (+1).
CREATE TRIGGER agg_canonical AFTER UPDATE OF duplicate_of ON documents
WHEN (old.duplicate_of IS NULL) <> (new.duplicate_of IS NULL) BEGIN
  INSERT INTO agg_totals VALUES
    ('unique_documents', CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END),
    ('duplicates', CASE WHEN new.duplicate_of IS NULL THEN -1 ELSE 1 END),
    ('quotes', (SELECT COUNT(*) FROM quotes WHERE document = new.id) * CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END),
    ('events', (SELECT COUNT(*) FROM events WHERE document = new.id) * CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END)
  ON CONFLICT(name) DO UPDATE SET n = n + excluded.n;
  INSERT INTO agg_pairs SELECT CASE WHEN e.source_actor LIKE 'IGO%' THEN e.source_actor ELSE substr(e.source_actor, 1, 3) END, CASE WHEN e.target_actor LIKE 'IGO%' THEN e.target_actor ELSE substr(e.target_actor, 1, 3) END, COALESCE(e.day, -2147483648),
    sign * COUNT(*), sign * SUM(e.quad_class = 1), sign * SUM(e.quad_class = 2), sign * SUM(e.quad_class = 3),
    sign * SUM(e.quad_class = 4), sign * SUM(e.goldstein)
    FROM events e, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE e.document = new.id GROUP BY 1, 2, 3
  ON CONFLICT(source, target, day) DO UPDATE SET events = events + excluded.events, q1 = q1 + excluded.q1,
    q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
  INSERT INTO agg_entities SELECT m.entity, sign, sign * COUNT(*)
    FROM mentions m, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id GROUP BY m.entity
  ON CONFLICT(entity) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions;
  INSERT INTO agg_entity_days SELECT m.entity, COALESCE(new.day, -2147483648), sign, sign * COUNT(*)
    FROM mentions m, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id GROUP BY m.entity
  ON CONFLICT(entity, day) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions;
  INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END, COALESCE(new.day, -2147483648),
    CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, sign * COUNT(*)
    FROM mentions m JOIN entities en ON en.id = m.entity, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id AND en.actor IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT(node, day, label) DO UPDATE SET mentions = mentions + excluded.mentions;
END;

-- What the store holds already.
INSERT INTO agg_totals SELECT 'documents', COUNT(*) FROM documents;
INSERT INTO agg_totals SELECT 'unique_documents', COUNT(*) FROM documents WHERE duplicate_of IS NULL;
INSERT INTO agg_totals SELECT 'duplicates', COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL;
INSERT INTO agg_totals SELECT 'entities', COUNT(*) FROM entities;
INSERT INTO agg_totals SELECT 'stories', COUNT(*) FROM stories;
INSERT INTO agg_totals SELECT 'topics', COUNT(*) FROM topics;
INSERT INTO agg_totals SELECT 'quotes', COUNT(*) FROM quotes q JOIN documents d ON d.id = q.document WHERE d.duplicate_of IS NULL;
INSERT INTO agg_totals SELECT 'events', COUNT(*) FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL;
INSERT INTO agg_pairs SELECT CASE WHEN e.source_actor LIKE 'IGO%' THEN e.source_actor ELSE substr(e.source_actor, 1, 3) END, CASE WHEN e.target_actor LIKE 'IGO%' THEN e.target_actor ELSE substr(e.target_actor, 1, 3) END, COALESCE(e.day, -2147483648), COUNT(*),
  SUM(e.quad_class = 1), SUM(e.quad_class = 2), SUM(e.quad_class = 3), SUM(e.quad_class = 4), SUM(e.goldstein)
  FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL GROUP BY 1, 2, 3;
INSERT INTO agg_entities SELECT m.entity, COUNT(DISTINCT m.document), COUNT(*)
  FROM mentions m JOIN documents d ON d.id = m.document WHERE d.duplicate_of IS NULL GROUP BY m.entity;
INSERT INTO agg_entity_days SELECT m.entity, COALESCE(d.day, -2147483648), COUNT(DISTINCT m.document), COUNT(*)
  FROM mentions m JOIN documents d ON d.id = m.document WHERE d.duplicate_of IS NULL GROUP BY 1, 2;
INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END, COALESCE(d.day, -2147483648),
  CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, COUNT(*)
  FROM mentions m JOIN entities en ON en.id = m.entity JOIN documents d ON d.id = m.document
  WHERE d.duplicate_of IS NULL AND en.actor IS NOT NULL GROUP BY 1, 2, 3;
)sql",
      // 8: a story's or topic's outlets counted from the index alone (the listings' `sources`).
      R"sql(
DROP INDEX documents_story;
DROP INDEX documents_topic;
CREATE INDEX documents_story ON documents(story, site);
CREATE INDEX documents_topic ON documents(topic, site);
)sql",
      // 9: outlets as data (the publisher: a URL's registered domain or the record's publisher
      // field), and the indexes that the filters on day, language and outlet read.
      R"sql(
ALTER TABLE documents ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
UPDATE documents SET outlet = site WHERE url IS NOT NULL AND url <> '';
CREATE TABLE outlets (
  outlet TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, documents INTEGER NOT NULL,
  first_day INTEGER, last_day INTEGER) WITHOUT ROWID;
INSERT INTO outlets SELECT outlet, outlet, NULL, COUNT(*), MIN(day), MAX(day) FROM documents
  WHERE outlet <> '' GROUP BY outlet;
DROP INDEX documents_story;
DROP INDEX documents_topic;
CREATE INDEX documents_story ON documents(story, outlet);
CREATE INDEX documents_topic ON documents(topic, outlet);
CREATE INDEX documents_day ON documents(day);
CREATE INDEX documents_outlet ON documents(outlet, day);
CREATE INDEX events_tactor ON events(target_actor);
-- Topics record their dates from now on; those of earlier documents, from the documents.
UPDATE topics SET first_day = (SELECT MIN(day) FROM documents WHERE topic = topics.id),
  last_day = (SELECT MAX(day) FROM documents WHERE topic = topics.id);
)sql",
      // 10: the mention summaries are updated by the writer once per entity and document
      // (SqliteStore::CountMentions), not by a trigger per mention: the writer's busiest work.
      R"sql(
DROP TRIGGER agg_mention;
)sql",
      // 11: the summaries by language too (agg_nodes, agg_pairs, agg_entity_days), so that a
      // language filter reads them instead of every matching row; rebuilt from the tables.
      R"sql(
DROP TRIGGER agg_event;
DROP TRIGGER agg_canonical;
DROP TABLE agg_nodes;
DROP TABLE agg_pairs;
DROP TABLE agg_entity_days;
CREATE TABLE agg_nodes (
  node TEXT NOT NULL, day INTEGER NOT NULL, lang TEXT NOT NULL, label TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY (node, day, lang, label)) WITHOUT ROWID;
CREATE TABLE agg_pairs (
  source TEXT NOT NULL, target TEXT NOT NULL, day INTEGER NOT NULL, lang TEXT NOT NULL, events INTEGER NOT NULL,
  q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL, goldstein REAL NOT NULL,
  PRIMARY KEY (source, target, day, lang)) WITHOUT ROWID;
CREATE INDEX agg_pairs_day ON agg_pairs(day);
CREATE TABLE agg_entity_days (
  entity INTEGER NOT NULL, day INTEGER NOT NULL, lang TEXT NOT NULL, documents INTEGER NOT NULL,
  mentions INTEGER NOT NULL, PRIMARY KEY (entity, day, lang)) WITHOUT ROWID;
CREATE TRIGGER agg_event AFTER INSERT ON events
WHEN (SELECT duplicate_of IS NULL FROM documents WHERE id = new.document) BEGIN
  INSERT INTO agg_totals VALUES ('events', 1) ON CONFLICT(name) DO UPDATE SET n = n + 1;
  INSERT INTO agg_pairs SELECT CASE WHEN new.source_actor LIKE 'IGO%' THEN new.source_actor ELSE substr(new.source_actor, 1, 3) END,
    CASE WHEN new.target_actor LIKE 'IGO%' THEN new.target_actor ELSE substr(new.target_actor, 1, 3) END,
    COALESCE(new.day, -2147483648), d.lang, 1, new.quad_class = 1, new.quad_class = 2, new.quad_class = 3,
    new.quad_class = 4, new.goldstein FROM documents d WHERE d.id = new.document
  ON CONFLICT(source, target, day, lang) DO UPDATE SET events = events + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
    q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
END;
CREATE TRIGGER agg_canonical AFTER UPDATE OF duplicate_of ON documents
WHEN (old.duplicate_of IS NULL) <> (new.duplicate_of IS NULL) BEGIN
  INSERT INTO agg_totals VALUES
    ('unique_documents', CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END),
    ('duplicates', CASE WHEN new.duplicate_of IS NULL THEN -1 ELSE 1 END),
    ('quotes', (SELECT COUNT(*) FROM quotes WHERE document = new.id) * CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END),
    ('events', (SELECT COUNT(*) FROM events WHERE document = new.id) * CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END)
  ON CONFLICT(name) DO UPDATE SET n = n + excluded.n;
  INSERT INTO agg_pairs SELECT CASE WHEN e.source_actor LIKE 'IGO%' THEN e.source_actor ELSE substr(e.source_actor, 1, 3) END, CASE WHEN e.target_actor LIKE 'IGO%' THEN e.target_actor ELSE substr(e.target_actor, 1, 3) END, COALESCE(e.day, -2147483648), new.lang,
    sign * COUNT(*), sign * SUM(e.quad_class = 1), sign * SUM(e.quad_class = 2), sign * SUM(e.quad_class = 3),
    sign * SUM(e.quad_class = 4), sign * SUM(e.goldstein)
    FROM events e, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE e.document = new.id GROUP BY 1, 2, 3
  ON CONFLICT(source, target, day, lang) DO UPDATE SET events = events + excluded.events, q1 = q1 + excluded.q1,
    q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
  INSERT INTO agg_entities SELECT m.entity, sign, sign * COUNT(*)
    FROM mentions m, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id GROUP BY m.entity
  ON CONFLICT(entity) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions;
  INSERT INTO agg_entity_days SELECT m.entity, COALESCE(new.day, -2147483648), new.lang, sign, sign * COUNT(*)
    FROM mentions m, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id GROUP BY m.entity
  ON CONFLICT(entity, day, lang) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions;
  INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END, COALESCE(new.day, -2147483648), new.lang,
    CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, sign * COUNT(*)
    FROM mentions m JOIN entities en ON en.id = m.entity, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id AND en.actor IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT(node, day, lang, label) DO UPDATE SET mentions = mentions + excluded.mentions;
END;
INSERT INTO agg_pairs SELECT CASE WHEN e.source_actor LIKE 'IGO%' THEN e.source_actor ELSE substr(e.source_actor, 1, 3) END, CASE WHEN e.target_actor LIKE 'IGO%' THEN e.target_actor ELSE substr(e.target_actor, 1, 3) END,
  COALESCE(e.day, -2147483648), d.lang, COUNT(*), SUM(e.quad_class = 1), SUM(e.quad_class = 2), SUM(e.quad_class = 3),
  SUM(e.quad_class = 4), SUM(e.goldstein)
  FROM events e JOIN documents d ON d.id = e.document WHERE d.duplicate_of IS NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
INSERT INTO agg_entity_days SELECT m.entity, COALESCE(d.day, -2147483648), d.lang, COUNT(DISTINCT m.document), COUNT(*)
  FROM mentions m JOIN documents d ON d.id = m.document WHERE d.duplicate_of IS NULL GROUP BY 1, 2, 3;
INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END,
  COALESCE(d.day, -2147483648), d.lang, CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, COUNT(*)
  FROM mentions m JOIN entities en ON en.id = m.entity JOIN documents d ON d.id = m.document
  WHERE d.duplicate_of IS NULL AND en.actor IS NOT NULL GROUP BY 1, 2, 3, 4;
)sql",
      // 12: an entity's mentions in a document are one row, their spans packed (warta_pack_spans,
      // store/span_pack.h): a quarter of the rows, no index but the key and the document's, and
      // the writer's inserts per entity instead of per mention; quotes keep no copy of their words
      // (warta_slice reads them from the compressed body). The summaries do not change.
      R"sql(
CREATE TABLE mention_sets (
  entity INTEGER NOT NULL, document INTEGER NOT NULL, mentions INTEGER NOT NULL, first INTEGER NOT NULL,
  spans BLOB NOT NULL, PRIMARY KEY (entity, document)) WITHOUT ROWID;
INSERT INTO mention_sets SELECT entity, document, COUNT(*), MIN(start), warta_pack_spans(start, end)
  FROM mentions GROUP BY entity, document ORDER BY entity, document;
CREATE INDEX mention_sets_document ON mention_sets(document);
DROP TRIGGER agg_canonical;
DROP TABLE mentions;
ALTER TABLE quotes DROP COLUMN text;
CREATE TRIGGER agg_canonical AFTER UPDATE OF duplicate_of ON documents
WHEN (old.duplicate_of IS NULL) <> (new.duplicate_of IS NULL) BEGIN
  INSERT INTO agg_totals VALUES
    ('unique_documents', CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END),
    ('duplicates', CASE WHEN new.duplicate_of IS NULL THEN -1 ELSE 1 END),
    ('quotes', (SELECT COUNT(*) FROM quotes WHERE document = new.id) * CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END),
    ('events', (SELECT COUNT(*) FROM events WHERE document = new.id) * CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END)
  ON CONFLICT(name) DO UPDATE SET n = n + excluded.n;
  INSERT INTO agg_pairs SELECT CASE WHEN e.source_actor LIKE 'IGO%' THEN e.source_actor ELSE substr(e.source_actor, 1, 3) END, CASE WHEN e.target_actor LIKE 'IGO%' THEN e.target_actor ELSE substr(e.target_actor, 1, 3) END, COALESCE(e.day, -2147483648), new.lang,
    sign * COUNT(*), sign * SUM(e.quad_class = 1), sign * SUM(e.quad_class = 2), sign * SUM(e.quad_class = 3),
    sign * SUM(e.quad_class = 4), sign * SUM(e.goldstein)
    FROM events e, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE e.document = new.id GROUP BY 1, 2, 3
  ON CONFLICT(source, target, day, lang) DO UPDATE SET events = events + excluded.events, q1 = q1 + excluded.q1,
    q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
  INSERT INTO agg_entities SELECT m.entity, sign, sign * m.mentions
    FROM mention_sets m, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id
  ON CONFLICT(entity) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions;
  INSERT INTO agg_entity_days SELECT m.entity, COALESCE(new.day, -2147483648), new.lang, sign, sign * m.mentions
    FROM mention_sets m, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id
  ON CONFLICT(entity, day, lang) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions;
  INSERT INTO agg_nodes SELECT CASE WHEN en.actor LIKE 'IGO%' THEN en.actor ELSE substr(en.actor, 1, 3) END, COALESCE(new.day, -2147483648), new.lang,
    CASE WHEN en.type = 'LOC' OR en.subtype = 'igo' THEN en.name ELSE '' END, sign * SUM(m.mentions)
    FROM mention_sets m JOIN entities en ON en.id = m.entity, (SELECT CASE WHEN new.duplicate_of IS NULL THEN 1 ELSE -1 END AS sign)
    WHERE m.document = new.id AND en.actor IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT(node, day, lang, label) DO UPDATE SET mentions = mentions + excluded.mentions;
END;
)sql",
      // 13: zstd dictionaries for the original texts (store/body_dictionaries.h), trained by the
      // writer once the store has enough articles; a body's frame names the one it used. An
      // event's sentence is read from the body (warta_slice) like a quotation's words, and a
      // quotation's speaker with an entity is named by the entity alone.
      R"sql(
CREATE TABLE body_dictionaries (id INTEGER PRIMARY KEY, dict BLOB NOT NULL);
ALTER TABLE events DROP COLUMN sentence;
UPDATE quotes SET speaker = NULL WHERE speaker_entity IS NOT NULL;
)sql",
  };
  return kMigrations;
}

}  // namespace warta
