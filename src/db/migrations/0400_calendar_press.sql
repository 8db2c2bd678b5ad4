-- Working-day calendar (Xinjiang: national + regional days) and press conferences
-- (伊州政办发〔2023〕6号: the year's plan, approval forms, filing with the news office).
-- source_document_id columns name the imported 公文 (documents module); no foreign key, so a
-- calendar or plan may also be entered without one.

-- One row per year the office has an arrangement for. `complete` = national and regional days
-- are both known; `national-only` = the national days (chinese-days) without the region's own
-- (肉孜节, 古尔邦节): working-day questions on such a year are refused, never guessed.
CREATE TABLE calendar_years (
  jurisdiction text NOT NULL DEFAULT '654000',
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2200),
  status text NOT NULL CHECK (status IN ('national-only', 'complete')),
  origin text NOT NULL CHECK (origin IN ('default', 'notice', 'manual')),
  source_document_id uuid,
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (jurisdiction, year)
);

-- Days off (放假) and weekend days worked (调休上班) of a year's arrangement. A notice for year Y
-- may list a day of Y−1 (元旦 from 12月31日): it stays under Y.
CREATE TABLE calendar_days (
  jurisdiction text NOT NULL DEFAULT '654000',
  year integer NOT NULL,
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'makeUpWorkday')),
  name text NOT NULL,
  source text NOT NULL CHECK (source IN ('national', 'regional')),
  PRIMARY KEY (jurisdiction, year, date),
  FOREIGN KEY (jurisdiction, year) REFERENCES calendar_years (jurisdiction, year) ON DELETE CASCADE
);

CREATE TABLE press_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  year integer NOT NULL,
  doc_number text,
  source_document_id uuid,
  declared_count integer,
  venue text,
  printed_copies integer,
  lead_workdays integer,
  contact jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction, year)
);

-- A conference: planned (from the plan, seq = its number there) or ad hoc (plan_id null).
CREATE TABLE press_conferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  plan_id uuid REFERENCES press_plans(id) ON DELETE CASCADE,
  seq integer,
  origin text NOT NULL CHECK (origin IN ('planned', 'adHoc')),
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  topic text NOT NULL,
  unit_name text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  form_kind text NOT NULL CHECK (form_kind IN ('prefecture-department', 'county')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, seq),
  CHECK ((origin = 'planned') = (plan_id IS NOT NULL))
);
CREATE INDEX press_conferences_org_idx ON press_conferences (organization_id);

-- 新闻发布会审批单: one per conference. Dates are calendar dates (Asia/Urumqi), times HH:MM Beijing time.
CREATE TABLE press_forms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  conference_id uuid NOT NULL UNIQUE REFERENCES press_conferences(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  kind text NOT NULL CHECK (kind IN ('prefecture-department', 'county')),
  status text NOT NULL CHECK (status IN ('requested', 'approvedByNewsOffice', 'draft', 'submitted', 'leaderApproved', 'sent', 'filed', 'filedLate', 'held')),
  conference_date date NOT NULL,
  start_time text CHECK (start_time ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  end_time text CHECK (end_time ~ '^([01]\d|2[0-3]):[0-5]\d$'),
  venue text NOT NULL,
  host text,
  attending_leaders text,
  topic text NOT NULL,
  printed_copies_confirmed boolean NOT NULL DEFAULT false,
  request_text text,
  request_reply text,
  return_reason text,
  sent_on date,
  filed_on date,
  late_reason text,
  held_on date,
  created_by uuid REFERENCES users(id),
  leader_approved_by uuid REFERENCES users(id),
  filed_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX press_forms_org_idx ON press_forms (organization_id);

-- Uploaded material: the press release (新闻发布稿), the Q&A (答记者问) and an ad-hoc request.
-- The file name is generated here; the uploader's name is kept for display only.
CREATE TABLE press_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  form_id uuid NOT NULL REFERENCES press_forms(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('release', 'qa', 'request')),
  file_name text NOT NULL,
  original_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX press_attachments_form_idx ON press_attachments (form_id);

-- The news office's media list, and whom it notified about a conference.
CREATE TABLE press_media (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  name text NOT NULL,
  contact text,
  phone text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction, name)
);

CREATE TABLE press_media_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  form_id uuid NOT NULL REFERENCES press_forms(id) ON DELETE CASCADE,
  notified_on date NOT NULL,
  media jsonb NOT NULL,
  note text,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX press_media_notifications_form_idx ON press_media_notifications (form_id);

-- A unit's calendar-feed secret (sha256 of the token in the ICS URL; the token is shown once).
CREATE TABLE press_feed_tokens (
  organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  jurisdiction text NOT NULL DEFAULT '654000',
  token_hash text NOT NULL UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
