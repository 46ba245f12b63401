-- The organisation's language (its e-mail templates' default) and time zone (where the admin
-- app shows moments; stored moments stay UTC).
ALTER TABLE organisations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
ALTER TABLE organisations ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
-- The language a template is written in, if said: sending starts at the organisation's.
ALTER TABLE email_templates ADD COLUMN language TEXT;
