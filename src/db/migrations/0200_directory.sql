-- Directory (Popolo: Organization, Post, Membership, Person) and the coordination bodies
-- (议事协调机构) built from roster notices. Organisations and their aliases live in the
-- foundation tables (organizations, organization_aliases).
--
-- Dates are calendar dates; every interval is half-open [valid_from, valid_to), valid_to NULL =
-- still open. Each statement is traced to the document and line that made it.

-- A person: the exact same name in the same organisation (the unit of the first post the
-- documents give) is the same person. Spelling variants are never merged automatically.
CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  name text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_identity_idx
  ON people (jurisdiction, name, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- A post: one title in one organisation (州教育局 + 副局长). Several people may hold one post.
CREATE TABLE posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  organization_id uuid NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  label text NOT NULL,                      -- organisation name + title, for display
  UNIQUE (organization_id, title)
);

-- Who holds a post, from when, and who said so: a document line, or an appointment recorded in
-- the directory (source 'appointment', with the predecessor it replaces, if any).
CREATE TABLE post_holdings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  post_id uuid NOT NULL REFERENCES posts(id),
  position text NOT NULL,                   -- the position as written
  valid_from date,
  valid_to date,
  source text NOT NULL CHECK (source IN ('document', 'appointment')),
  document_id uuid REFERENCES documents(id),
  line integer,
  predecessor_id uuid REFERENCES people(id),
  note text,
  recorded_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, post_id, document_id)
);
CREATE INDEX post_holdings_post_idx ON post_holdings (post_id);

-- 议事协调机构: an organisation of kind 'body'; `key` matches later notices whatever prefix they
-- use (自治州X = 州X).
CREATE TABLE bodies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  organization_id uuid NOT NULL UNIQUE REFERENCES organizations(id),
  name text NOT NULL,
  key text NOT NULL,
  automatic_succession boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction, key)
);

-- A roster version: what one notice constituted or adjusted, valid from its 成文日期 until the
-- next version of the body.
CREATE TABLE body_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  body_id uuid NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  version integer NOT NULL,
  document_id uuid NOT NULL REFERENCES documents(id),
  doc_number text NOT NULL,
  heading_line integer NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  office jsonb,                             -- { unit, organizationId, director, deputyDirectors, line }
  liaison_duties jsonb NOT NULL DEFAULT '[]',
  UNIQUE (body_id, valid_from),
  UNIQUE (body_id, document_id)
);

-- 组成人员. A seat (body, version, seat number) is held by one person at a time: automatic
-- succession ends a membership (valid_to) and opens the successor's in the same seat.
-- valid_to NULL = until the version ends.
CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  body_id uuid NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  version_id uuid NOT NULL REFERENCES body_versions(id) ON DELETE CASCADE,
  seat integer NOT NULL,                    -- document order
  person_id uuid NOT NULL REFERENCES people(id),
  post_id uuid REFERENCES posts(id),        -- the seat's post: the first post of the position
  role text NOT NULL,                       -- the document's word: 指挥长, 第一副组长, 委员 …
  rank text NOT NULL CHECK (rank IN ('leader', 'deputy', 'member')),
  position text NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  document_id uuid REFERENCES documents(id),
  line integer,
  successor_of uuid REFERENCES memberships(id),
  post_holding_id uuid REFERENCES post_holdings(id)
);
CREATE INDEX memberships_body_idx ON memberships (body_id, version_id, seat);
CREATE INDEX memberships_person_idx ON memberships (person_id);

-- 联络员: one per member unit.
CREATE TABLE liaisons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  body_id uuid NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  version_id uuid NOT NULL REFERENCES body_versions(id) ON DELETE CASCADE,
  seat integer NOT NULL,
  person_id uuid NOT NULL REFERENCES people(id),
  organization_id uuid REFERENCES organizations(id),
  name text NOT NULL,
  position text NOT NULL,
  unit text NOT NULL,                       -- the member unit as the position writes it
  document_id uuid NOT NULL REFERENCES documents(id),
  line integer NOT NULL
);
CREATE INDEX liaisons_body_idx ON liaisons (body_id, version_id, seat);
CREATE INDEX liaisons_person_idx ON liaisons (person_id);

-- A reviewer's decision on a probable duplicate (a pair of people, person_a < person_b).
-- 'confirmed' links the two records as one person; 'rejected' keeps them apart. Nothing merges.
CREATE TABLE person_duplicate_reviews (
  person_a uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  person_b uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  jurisdiction text NOT NULL DEFAULT '654000',
  decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
  reason text NOT NULL,
  note text,
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
);

-- 每年…履行教育职责工作情况汇报: one tracked report per member unit and year.
CREATE TABLE body_duty_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  body_id uuid NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  year integer NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'submitted', 'accepted', 'returned')),
  submitted_on date,
  submitted_by text,
  file_name text,
  content_type text,
  file_size integer,
  file_sha256 text,
  file_content bytea,
  review_note text,
  reviewed_by text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (body_id, organization_id, year)
);

-- 整改: problems higher authorities found, tracked to closure.
CREATE TABLE body_rectifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  body_id uuid NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  title text NOT NULL,
  raised_by text NOT NULL,                  -- the higher authority
  raised_on date NOT NULL,
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'plan-submitted', 'report-submitted', 'closed')),
  plan text,                                -- 整改方案
  report text,                              -- 整改报告
  closed_on date,
  closing_note text,
  history jsonb NOT NULL DEFAULT '[]',      -- [{ at, by, action, note }]
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX body_rectifications_body_idx ON body_rectifications (body_id, status);
