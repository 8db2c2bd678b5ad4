-- Livelihood projects (民生实事, 伊州政办发〔2023〕8号): projects, targets, measures and their
-- units, monthly progress reports, cached status lights and on-site supervision (现场督办).

CREATE TABLE livelihood_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  year integer NOT NULL,
  doc_number text,
  source_document_id uuid,
  -- Reporting starts with the first full month from here (default: the document's 成文日期,
  -- else 1 January); the office may move it.
  reporting_starts_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (jurisdiction, year)
);

CREATE TABLE livelihood_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  plan_id uuid NOT NULL REFERENCES livelihood_plans(id) ON DELETE CASCADE,
  no integer NOT NULL,
  title text NOT NULL,
  target_text text NOT NULL,
  fundings jsonb NOT NULL DEFAULT '[]',
  UNIQUE (plan_id, no)
);

-- 目标任务: value normalised (5.09万人 → 50900 人), the wording kept.
CREATE TABLE livelihood_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  project_id uuid NOT NULL REFERENCES livelihood_projects(id) ON DELETE CASCADE,
  position integer NOT NULL,
  text text NOT NULL,
  value double precision NOT NULL,
  unit text NOT NULL,
  context text NOT NULL,
  UNIQUE (project_id, position)
);

-- 工作措施. leaders, fundings (fen) and milestones in the parser's shapes.
CREATE TABLE livelihood_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  project_id uuid NOT NULL REFERENCES livelihood_projects(id) ON DELETE CASCADE,
  no integer NOT NULL,
  text text NOT NULL,
  lead_leader text,
  lead_leaders jsonb NOT NULL DEFAULT '[]',
  responsible_leader text,
  responsible_leaders jsonb NOT NULL DEFAULT '[]',
  deadline date,
  deadline_text text,
  fundings jsonb NOT NULL DEFAULT '[]',
  milestones jsonb NOT NULL DEFAULT '[]',
  UNIQUE (project_id, no)
);

-- The measure's lead unit(s), as written and as a directory organisation.
CREATE TABLE livelihood_measure_units (
  measure_id uuid NOT NULL REFERENCES livelihood_measures(id) ON DELETE CASCADE,
  position integer NOT NULL,
  unit_name text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  jurisdiction text NOT NULL DEFAULT '654000',
  PRIMARY KEY (measure_id, position),
  UNIQUE (measure_id, organization_id)
);
CREATE INDEX livelihood_measure_units_org_idx ON livelihood_measure_units (organization_id);

-- 月度进展报告: one per measure, unit and month. A correction updates the row; submitted_on
-- stays the first submission (on time or late is judged by it).
CREATE TABLE livelihood_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  measure_id uuid NOT NULL REFERENCES livelihood_measures(id) ON DELETE CASCADE,
  organization_id uuid NOT NULL REFERENCES organizations(id),
  period text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  submitted_on date NOT NULL,
  progress_percent integer NOT NULL CHECK (progress_percent BETWEEN 0 AND 100),
  narrative text NOT NULL,
  indicators jsonb NOT NULL DEFAULT '[]',
  milestones_done jsonb NOT NULL DEFAULT '[]',
  revision integer NOT NULL DEFAULT 1,
  submitted_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (measure_id, organization_id, period)
);

CREATE TABLE livelihood_report_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  report_id uuid NOT NULL REFERENCES livelihood_reports(id) ON DELETE CASCADE,
  file_name text NOT NULL,
  original_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX livelihood_report_attachments_report_idx ON livelihood_report_attachments (report_id);

-- Lights as the daily job computed them (a cache for history and for opening supervision tasks;
-- pages compute the light of today themselves). Never written by a user.
CREATE TABLE livelihood_light_snapshots (
  measure_id uuid NOT NULL REFERENCES livelihood_measures(id) ON DELETE CASCADE,
  computed_on date NOT NULL,
  jurisdiction text NOT NULL DEFAULT '654000',
  light text NOT NULL CHECK (light IN ('green', 'yellow', 'red')),
  progress_percent integer NOT NULL,
  reasons jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (measure_id, computed_on)
);

-- 现场督办 of a red measure: findings on site and the follow-up agreed. At most one open per measure.
CREATE TABLE livelihood_supervisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jurisdiction text NOT NULL DEFAULT '654000',
  measure_id uuid NOT NULL REFERENCES livelihood_measures(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  opened_on date NOT NULL,
  reasons jsonb NOT NULL,
  visit_on date,
  findings text,
  follow_up text,
  closed_on date,
  created_by uuid REFERENCES users(id),
  updated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX livelihood_supervisions_open_idx ON livelihood_supervisions (measure_id) WHERE status = 'open';
