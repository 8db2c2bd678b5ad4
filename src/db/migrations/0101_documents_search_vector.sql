-- Character pairs as a tsvector instead of the text[] of 0100. A text[] @> test compares every
-- element of the query with every element of the row, so a row the planner scans (small tables,
-- or a common query) costs thousands of comparisons; a tsvector is sorted, and @@ finds each pair
-- by binary search, with or without the GIN index. The lexemes are written as quoted literals
-- (tsvectorLiteral), never through a text-search parser: locale-independent, same SQL on PGlite
-- and PostgreSQL. fastupdate off: documents are imported a few at a time and read often; a pending
-- list would make the planner cost the index as if it scanned that list on every query (and
-- choose a sequential scan) until a vacuum merged it.
ALTER TABLE documents ADD COLUMN search_vector tsvector;
UPDATE documents SET search_vector = array_to_tsvector(search_grams);
ALTER TABLE documents ALTER COLUMN search_vector SET NOT NULL;
DROP INDEX documents_search_grams_idx;
ALTER TABLE documents DROP COLUMN search_grams;
CREATE INDEX documents_search_vector_idx ON documents USING gin (search_vector) WITH (fastupdate = off);
