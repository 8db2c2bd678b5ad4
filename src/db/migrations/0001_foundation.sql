-- Foundation: organisations, accounts, sessions, audit trail, settings.
-- Every business row records its owning jurisdiction (行政区划代码; 654000 = 伊犁哈萨克自治州).

CREATE TABLE organizations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('unit', 'county', 'body')),
  parent_id uuid REFERENCES organizations(id),
  jurisdiction text NOT NULL DEFAULT '654000',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organization_aliases (
  alias text PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  source text NOT NULL DEFAULT 'reviewed',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organization_aliases_org_idx ON organization_aliases (organization_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  organization_id uuid REFERENCES organizations(id),
  roles text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  jurisdiction text NOT NULL DEFAULT '654000',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id text PRIMARY KEY,                -- sha256 of the cookie token; the token itself is never stored
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Append-only, hash-chained. seq has no gaps: a missing number is a broken chain.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  user_id uuid,
  username text,
  role text,
  action text NOT NULL,
  object text,
  result text NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
  ip text,
  request_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  jurisdiction text NOT NULL DEFAULT '654000',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_action_idx ON audit_log (action);
CREATE INDEX audit_log_request_idx ON audit_log (request_id);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
