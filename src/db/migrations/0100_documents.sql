-- Official documents (公文, GB/T 9704-2012) as imported from published text.
-- One row per 发文字号: importing the same text again changes nothing (same number, same content
-- hash); the same number with other content is refused (409), never silently replaced.
--
-- Search (title, number, full text; Chinese substrings) stays fast without pg_trgm: pg_trgm
-- builds no trigrams from Chinese characters under the C locale most PostgreSQL servers and the
-- test cluster use (PGlite's C.UTF-8 does). search_grams holds every distinct character and pair
-- of adjacent characters of search_text; a GIN index on it narrows a query to the documents that
-- hold all pairs of the query, and strpos() on search_text confirms. Same SQL on both databases.

CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  doc_number text NOT NULL,                 -- 伊州政办函〔2023〕22号 (brackets normalised to 〔〕)
  issuer_code text NOT NULL,                -- 机关代字: 伊州政办函
  year integer NOT NULL,
  sequence integer NOT NULL,
  title text NOT NULL,
  recipients jsonb NOT NULL DEFAULT '[]',   -- 主送机关: organisations as written
  recipients_raw text,
  issuer text,                              -- 发文机关署名
  signed_on date,                           -- 成文日期
  attachments jsonb NOT NULL DEFAULT '[]',  -- [{ number, title, listedOn, titleLine }]
  original_text text NOT NULL,              -- the document's lines as published
  first_line integer NOT NULL,              -- line of original_text's first line in the imported file
  structure jsonb NOT NULL,                 -- the parsed elements (body, enclosure, annexes, spans)
  content_hash text NOT NULL,               -- contentHash(): whitespace and full-width forms folded
  source_name text,                         -- file name or 粘贴文本
  title_search text NOT NULL,               -- searchable forms (normaliseForSearch)
  number_search text NOT NULL,
  search_text text NOT NULL,
  search_grams text[] NOT NULL,
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction, doc_number)
);
CREATE INDEX documents_search_grams_idx ON documents USING gin (search_grams);
CREATE INDEX documents_signed_on_idx ON documents (signed_on DESC NULLS LAST, doc_number);
CREATE INDEX documents_content_hash_idx ON documents (content_hash);
