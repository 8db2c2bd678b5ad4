-- A password its owner did not choose (the first admin's generated one, one an administrator set
-- when creating the account or resetting it) must be changed at the next login. Until then the API
-- answers 403 PASSWORD_CHANGE_REQUIRED to every route but GET /api/auth/me, logout and
-- POST /api/auth/password (src/server/plugins/security.ts). Changing the own password clears it.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Before this column an administrator's reset marked the password as expired instead
-- (password_changed_at = 1970-01-01): those accounts still owe the change.
UPDATE users SET must_change_password = true WHERE password_changed_at < '1970-01-02T00:00:00Z';
