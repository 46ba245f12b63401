-- Consentry on PostgreSQL (15 or newer): the whole schema of the SQLite backend at its
-- migration 0043, written for PostgreSQL rather than translated from SQLite.
--
-- Types: ids are `uuid`, times `timestamptz` (written to the millisecond, as SQLite keeps
-- them), calendar dates `date`, flags `boolean`, hashes and ciphertext `bytea`. JSON that a
-- hash or a signature covers (published designs, audit details, answers' choices) is `json`,
-- which keeps the text exactly as written; JSON that queries look into is `jsonb`.
-- Case-insensitive look-ups (addresses, names) go through `lower(...)` expression indexes.
-- Evidence is append-only by trigger, as on SQLite; counters that the Overview reads are kept
-- by trigger in the transaction that changes what they count.

-- Raises the error that says which rule a statement broke; its SQLSTATE is
-- `restrict_violation` (23001) so the store can tell it from a failure.
CREATE FUNCTION consentry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = TG_ARGV[0];
END;
$$;

CREATE TABLE organisations (
    id                          uuid PRIMARY KEY,
    name                        text NOT NULL,
    slug                        text NOT NULL CONSTRAINT organisations_slug UNIQUE,
    created_at                  timestamptz NOT NULL,
    controller_contact          text NOT NULL DEFAULT '',
    controller_street_address   text NOT NULL DEFAULT '',
    controller_postal_code      text NOT NULL DEFAULT '',
    controller_locality         text NOT NULL DEFAULT '',
    controller_country          text NOT NULL DEFAULT '',
    controller_email            text NOT NULL DEFAULT '',
    controller_phone            text NOT NULL DEFAULT '',
    controller_url              text NOT NULL DEFAULT ''
);

CREATE TABLE users (
    id              uuid PRIMARY KEY,
    organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name            text NOT NULL,
    email           text NOT NULL,
    profile         text NOT NULL CHECK (profile IN ('administrator', 'standard', 'read_only')),
    password_hash   text NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE INDEX users_organisation ON users (organisation_id, created_at);

CREATE TABLE sessions (
    token_hash      bytea PRIMARY KEY,
    user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE user_export_preferences (
    user_id         uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    csv_separator   text NOT NULL CHECK (csv_separator IN ('comma', 'semicolon'))
);

CREATE TABLE compliance_settings (
    organisation_id             uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    enabled                     boolean NOT NULL DEFAULT false,
    waiting_period_days         integer NOT NULL DEFAULT 30,
    processing_while_pending    text NOT NULL DEFAULT 'allow'
                                    CHECK (processing_while_pending IN ('allow', 'restrict')),
    double_opt_in               boolean NOT NULL DEFAULT true,
    retention_days              integer,
    updated_at                  timestamptz NOT NULL,
    exclude_from_exports        text NOT NULL DEFAULT 'none'
        CHECK (exclude_from_exports IN ('none', 'sensitive', 'all_personal', 'chosen')),
    exclude_from_api            text NOT NULL DEFAULT 'none'
        CHECK (exclude_from_api IN ('none', 'sensitive', 'all_personal', 'chosen')),
    exclude_from_webhooks       text NOT NULL DEFAULT 'sensitive'
        CHECK (exclude_from_webhooks IN ('none', 'sensitive', 'all_personal', 'chosen'))
);

-- Modules and their fields: every module starts with the standard fields.
CREATE TABLE modules (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    key                 text NOT NULL,
    name                text NOT NULL,
    builtin             boolean NOT NULL,
    compliance_enabled  boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    CONSTRAINT modules_key UNIQUE (organisation_id, key)
);

CREATE TABLE module_fields (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    module_id           uuid NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    key                 text NOT NULL,
    label               text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('text', 'email', 'phone', 'number', 'date',
                            'boolean', 'picklist')),
    -- The picklist's options; non-empty exactly for picklists.
    options             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(options) = 'array'
                            AND (kind = 'picklist') = (jsonb_array_length(options) > 0)),
    required            boolean NOT NULL DEFAULT false,
    standard            boolean NOT NULL,
    personal            text NOT NULL DEFAULT 'not_personal'
                            CHECK (personal IN ('not_personal', 'normal', 'sensitive')),
    position            integer NOT NULL,
    created_at          timestamptz NOT NULL,
    encryption          text NOT NULL DEFAULT 'off'
                            CHECK (encryption IN ('off', 'encrypting', 'on', 'decrypting')),
    excluded_from       jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(excluded_from) = 'array'),
    CONSTRAINT module_fields_key UNIQUE (module_id, key)
);

CREATE FUNCTION modules_get_standard_fields() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO module_fields (id, organisation_id, module_id, key, label, kind, standard,
                               personal, position, created_at)
    SELECT gen_random_uuid(), NEW.organisation_id, NEW.id, f.key, f.label, f.kind, true,
           f.personal, f.position, NEW.created_at
    FROM (VALUES ('first_name', 'First name', 'text', 'normal', 1),
                 ('last_name', 'Last name', 'text', 'normal', 2),
                 ('email', 'E-mail', 'email', 'normal', 3),
                 ('phone', 'Phone', 'phone', 'normal', 4),
                 ('company', 'Company', 'text', 'not_personal', 5),
                 ('country', 'Country', 'text', 'not_personal', 6))
         AS f (key, label, kind, personal, position);
    RETURN NULL;
END;
$$;
CREATE TRIGGER modules_get_standard_fields AFTER INSERT ON modules
    FOR EACH ROW EXECUTE FUNCTION modules_get_standard_fields();

-- Records: one data subject in one module, with its Data Privacy section.
CREATE TABLE records (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    module_id           uuid NOT NULL REFERENCES modules(id) ON DELETE CASCADE,
    first_name          text,
    last_name           text,
    email               text,
    phone               text,
    company             text,
    country             text,
    -- Data Privacy: NULL basis means the module's compliance was never enabled for it.
    legal_basis         text CHECK (legal_basis IN ('not_applicable', 'consent', 'contract',
                            'legal_obligation', 'vital_interests', 'public_interests',
                            'legitimate_interests')),
    lawful_reason       text,
    consent_status      text CHECK (consent_status IN ('pending', 'waiting', 'obtained',
                            'denied', 'not_responded', 'withdrawn')),
    consent_date        date,
    consent_through     text,
    contact_through     text NOT NULL DEFAULT '',
    consent_remarks     text,
    mail_sent_at        timestamptz,
    stop_processing     boolean NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL,
    created_through     text NOT NULL,
    created_by          text NOT NULL,
    created_detail      text,
    updated_at          timestamptz NOT NULL,
    updated_through     text NOT NULL,
    updated_by          text NOT NULL,
    updated_detail      text,
    -- Custom field values by field key.
    custom              jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    -- Keyed blind index of an encrypted address.
    email_index         bytea,
    -- A consent status exists exactly while the basis is Consent.
    CHECK (CASE WHEN legal_basis = 'consent' THEN consent_status IS NOT NULL
                ELSE consent_status IS NULL END),
    PRIMARY KEY (organisation_id, id)
);
CREATE INDEX records_by_module ON records (organisation_id, module_id, id);
CREATE INDEX records_by_basis ON records (organisation_id, legal_basis, id);
CREATE INDEX records_by_status ON records (organisation_id, consent_status, id)
    WHERE consent_status IS NOT NULL;
CREATE INDEX records_by_source ON records (organisation_id, created_through, id);
CREATE INDEX records_by_email ON records (organisation_id, lower(email));
CREATE INDEX records_by_last_name ON records (organisation_id, lower(last_name), id);
CREATE INDEX records_by_first_name ON records (organisation_id, lower(first_name));
CREATE INDEX records_by_email_index ON records (organisation_id, email_index)
    WHERE email_index IS NOT NULL;

-- How many records of a module have each basis and status (the Overview), kept in step.
CREATE TABLE privacy_counts (
    organisation_id     uuid NOT NULL,
    module_id           uuid NOT NULL,
    legal_basis         text NOT NULL,
    consent_status      text NOT NULL,
    n                   bigint NOT NULL,
    PRIMARY KEY (organisation_id, module_id, legal_basis, consent_status)
);

CREATE FUNCTION privacy_counts_follow_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.legal_basis IS NOT NULL THEN
        UPDATE privacy_counts SET n = n - 1
        WHERE organisation_id = OLD.organisation_id AND module_id = OLD.module_id
          AND legal_basis = OLD.legal_basis
          AND consent_status = COALESCE(OLD.consent_status, '');
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.legal_basis IS NOT NULL THEN
        INSERT INTO privacy_counts
        VALUES (NEW.organisation_id, NEW.module_id, NEW.legal_basis,
                COALESCE(NEW.consent_status, ''), 1)
        ON CONFLICT (organisation_id, module_id, legal_basis, consent_status)
        DO UPDATE SET n = privacy_counts.n + 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER privacy_counts_insert AFTER INSERT ON records
    FOR EACH ROW EXECUTE FUNCTION privacy_counts_follow_records();
CREATE TRIGGER privacy_counts_delete AFTER DELETE ON records
    FOR EACH ROW EXECUTE FUNCTION privacy_counts_follow_records();
CREATE TRIGGER privacy_counts_update AFTER UPDATE OF legal_basis, consent_status, module_id
    ON records FOR EACH ROW
    WHEN (OLD.legal_basis IS DISTINCT FROM NEW.legal_basis
          OR OLD.consent_status IS DISTINCT FROM NEW.consent_status
          OR OLD.module_id IS DISTINCT FROM NEW.module_id)
    EXECUTE FUNCTION privacy_counts_follow_records();

-- Records whose subject was erased: only their events may be deleted.
CREATE TABLE erased_records (
    organisation_id     uuid NOT NULL,
    record_id           uuid NOT NULL,
    request_id          uuid NOT NULL,
    erased_at           timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, record_id)
);

-- Refuses deleting an event unless its record was erased.
CREATE FUNCTION events_of_erased_records_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM erased_records e
                   WHERE e.organisation_id = OLD.organisation_id
                     AND e.record_id = OLD.record_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = TG_ARGV[0];
    END IF;
    RETURN OLD;
END;
$$;

-- Every change of a record's basis or consent status.
CREATE TABLE privacy_events (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id     uuid NOT NULL,
    record_id           uuid NOT NULL,
    at                  timestamptz NOT NULL,
    actor               text NOT NULL,
    source              text NOT NULL,
    before_basis        text,
    after_basis         text NOT NULL,
    before_status       text,
    after_status        text,
    detail              text,
    lawful_reason       text,
    evidence            text,
    given               json
);
CREATE INDEX privacy_events_by_record ON privacy_events (organisation_id, record_id, id);
CREATE INDEX privacy_events_by_time ON privacy_events (organisation_id, at);
CREATE TRIGGER privacy_events_are_immutable BEFORE UPDATE ON privacy_events
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('privacy events are append-only');
CREATE TRIGGER privacy_events_are_kept BEFORE DELETE ON privacy_events
    FOR EACH ROW EXECUTE FUNCTION events_of_erased_records_only(
        'privacy events are append-only (except of an erased record)');

-- Changes of basis or status per day (the Overview's trend).
CREATE TABLE privacy_event_days (
    organisation_id     uuid NOT NULL,
    day                 date NOT NULL,
    n                   bigint NOT NULL,
    PRIMARY KEY (organisation_id, day)
);

CREATE FUNCTION privacy_event_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO privacy_event_days
    VALUES (NEW.organisation_id, (NEW.at AT TIME ZONE 'UTC')::date, 1)
    ON CONFLICT (organisation_id, day) DO UPDATE SET n = privacy_event_days.n + 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER privacy_event_days_insert AFTER INSERT ON privacy_events
    FOR EACH ROW
    WHEN (NEW.before_basis IS DISTINCT FROM NEW.after_basis
          OR NEW.before_status IS DISTINCT FROM NEW.after_status)
    EXECUTE FUNCTION privacy_event_days_count();

-- The audit trail: one hash chain per organisation.
CREATE TABLE audit_log (
    organisation_id     uuid NOT NULL,
    seq                 bigint NOT NULL,
    at                  timestamptz NOT NULL,
    actor               text NOT NULL,
    action              text NOT NULL,
    subject             text,
    prev_hash           bytea NOT NULL,
    hash                bytea NOT NULL,
    detail_hash         bytea,
    PRIMARY KEY (organisation_id, seq)
);
CREATE INDEX audit_log_by_action ON audit_log (organisation_id, action, seq);

-- The salted details of an entry (removable on erasure; the entry commits to their hash).
CREATE TABLE audit_details (
    organisation_id     uuid NOT NULL,
    seq                 bigint NOT NULL,
    salt                bytea NOT NULL CHECK (length(salt) = 16),
    before              json,
    after               json,
    PRIMARY KEY (organisation_id, seq)
);

-- An organisation whose chain is being rebuilt (the one time entries may change).
CREATE TABLE audit_rechain (
    organisation_id     uuid PRIMARY KEY,
    old_head            bytea NOT NULL,
    old_entries         bigint NOT NULL
);

CREATE FUNCTION audit_log_changes_only_when_rechaining() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_rechain r WHERE r.organisation_id = OLD.organisation_id)
    THEN
        RAISE EXCEPTION USING ERRCODE = 'restrict_violation',
            MESSAGE = 'the audit trail is append-only';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_is_immutable BEFORE UPDATE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_changes_only_when_rechaining();
CREATE TRIGGER audit_log_is_kept BEFORE DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('the audit trail is append-only');
-- TRUNCATE skips row triggers: refused too.
CREATE TRIGGER audit_log_is_not_truncated BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION consentry_refuse('the audit trail is append-only');

-- Each organisation's latest entry, so an append reads one row, kept by trigger.
CREATE TABLE audit_heads (
    organisation_id     uuid PRIMARY KEY,
    seq                 bigint NOT NULL,
    hash                bytea NOT NULL
);

CREATE FUNCTION audit_heads_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_heads (organisation_id, seq, hash)
        VALUES (NEW.organisation_id, NEW.seq, NEW.hash)
        ON CONFLICT (organisation_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
        WHERE excluded.seq > audit_heads.seq;
    ELSE
        UPDATE audit_heads SET hash = NEW.hash
        WHERE organisation_id = NEW.organisation_id AND seq = NEW.seq;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER audit_heads_follow_appends AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_heads_follow();
CREATE TRIGGER audit_heads_follow_rechaining AFTER UPDATE OF hash ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_heads_follow();

-- Signed checkpoints of a chain's head.
CREATE TABLE audit_checkpoints (
    organisation_id     uuid NOT NULL,
    seq                 bigint NOT NULL,
    head                bytea NOT NULL CHECK (length(head) = 32),
    at                  timestamptz NOT NULL,
    jws                 text NOT NULL,
    PRIMARY KEY (organisation_id, seq)
);

-- Data-subject requests.
CREATE TABLE data_subject_requests (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('access', 'rectification', 'portability',
                            'erasure', 'stop_processing', 'objection')),
    source              text NOT NULL CHECK (source IN ('email', 'phone', 'in_person', 'portal',
                            'api')),
    requested_by        text NOT NULL,
    requested_on        date NOT NULL,
    due_on              date NOT NULL,
    status              text NOT NULL CHECK (status IN ('received', 'verified', 'in_progress',
                            'completed', 'rejected')),
    details             text,
    created_at          timestamptz NOT NULL,
    created_by          text NOT NULL,
    extended_due_on     date,
    extension_reason    text,
    rejection_reason    text,
    closed_by           text,
    closed_on           date,
    lang                text,
    PRIMARY KEY (organisation_id, id)
);
CREATE INDEX requests_by_due_date ON data_subject_requests (organisation_id, due_on);
CREATE INDEX requests_by_status ON data_subject_requests (organisation_id, status, due_on);

CREATE TABLE request_records (
    organisation_id     uuid NOT NULL,
    request_id          uuid NOT NULL,
    record_id           uuid NOT NULL,
    PRIMARY KEY (organisation_id, request_id, record_id),
    FOREIGN KEY (organisation_id, request_id)
        REFERENCES data_subject_requests (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX request_records_by_record ON request_records (organisation_id, record_id);

-- Consent forms and their published versions.
CREATE TABLE consent_forms (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    name                text NOT NULL,
    slug                text NOT NULL,
    draft               json NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    signup_module_id    uuid,
    double_opt_in       boolean,
    widget_origins      jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(widget_origins) = 'array'),
    consent_mode        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (organisation_id, id),
    CONSTRAINT consent_forms_slug UNIQUE (organisation_id, slug)
);

CREATE TABLE form_versions (
    organisation_id     uuid NOT NULL,
    form_id             uuid NOT NULL,
    version             integer NOT NULL CHECK (version >= 1),
    -- Exactly as published: the text hash is over these bytes.
    design              json NOT NULL,
    -- SHA-256 of `design` exactly as stored, hex.
    text_hash           text NOT NULL,
    published_at        timestamptz NOT NULL,
    published_by        text NOT NULL,
    PRIMARY KEY (organisation_id, form_id, version),
    FOREIGN KEY (organisation_id, form_id) REFERENCES consent_forms (organisation_id, id)
);
CREATE TRIGGER form_versions_are_immutable BEFORE UPDATE ON form_versions
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('published form versions are immutable');
CREATE TRIGGER form_versions_are_kept BEFORE DELETE ON form_versions
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('published form versions are kept as evidence');
CREATE TRIGGER form_versions_are_not_truncated BEFORE TRUNCATE ON form_versions
    FOR EACH STATEMENT EXECUTE FUNCTION consentry_refuse('published form versions are kept as evidence');

CREATE TABLE consent_links (
    token_hash          bytea PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    record_id           uuid NOT NULL,
    form_id             uuid NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    spent_at            timestamptz,
    revoked_at          timestamptz
);
CREATE INDEX consent_links_by_record_form ON consent_links (organisation_id, record_id, form_id);
-- The purge of expired links looks only at the unspent ones.
CREATE INDEX consent_links_open_by_expiry ON consent_links (expires_at)
    WHERE spent_at IS NULL AND revoked_at IS NULL;

CREATE TABLE consent_events (
    organisation_id     uuid NOT NULL,
    id                  uuid NOT NULL,
    record_id           uuid NOT NULL,
    form_id             uuid NOT NULL,
    form_version        integer NOT NULL,
    text_hash           text NOT NULL,
    lang                text NOT NULL,
    decision            text NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
    choices             json NOT NULL,
    at                  timestamptz NOT NULL,
    -- The client's address with the host part cut off (IPv4 /24, IPv6 /48).
    ip                  text,
    user_agent          text,
    PRIMARY KEY (organisation_id, id)
);
CREATE INDEX consent_events_by_record ON consent_events (organisation_id, record_id, id);
CREATE TRIGGER consent_events_are_immutable BEFORE UPDATE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION consentry_refuse('consent events are append-only');
CREATE TRIGGER consent_events_are_kept BEFORE DELETE ON consent_events
    FOR EACH ROW EXECUTE FUNCTION events_of_erased_records_only(
        'consent events are append-only (except of an erased record)');
CREATE TRIGGER consent_events_are_not_truncated BEFORE TRUNCATE ON consent_events
    FOR EACH STATEMENT EXECUTE FUNCTION consentry_refuse('consent events are append-only');
CREATE TRIGGER privacy_events_are_not_truncated BEFORE TRUNCATE ON privacy_events
    FOR EACH STATEMENT EXECUTE FUNCTION consentry_refuse('privacy events are append-only');

-- Banner decisions of anonymous site visitors.
CREATE TABLE visitor_consents (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    form_id             uuid NOT NULL,
    form_version        integer NOT NULL,
    text_hash           text NOT NULL,
    lang                text NOT NULL,
    decision            text NOT NULL CHECK (decision IN ('accepted_all', 'rejected_all',
                            'customised')),
    granted             json NOT NULL,
    gpc                 boolean NOT NULL,
    origin              text,
    ip                  text,
    user_agent          text,
    at                  timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, id),
    FOREIGN KEY (organisation_id, form_id, form_version)
        REFERENCES form_versions (organisation_id, form_id, version)
);
CREATE INDEX visitor_consents_by_form ON visitor_consents (organisation_id, form_id, id);

-- Outgoing mail.
CREATE TABLE outbox (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    record_id           uuid,
    recipient           text NOT NULL,
    subject             text NOT NULL,
    body_text           text NOT NULL,
    body_html           text,
    created_at          timestamptz NOT NULL,
    status              text NOT NULL CHECK (status IN ('stored', 'queued', 'sent', 'failed')),
    detail              text,
    kind                text NOT NULL DEFAULT 'other' CHECK (kind IN ('consent_request',
                            'sign_up_confirmation', 'privacy_centre_code', 'request_notice',
                            'export_link', 'other')),
    attempts            integer NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz,
    schedule_started_at timestamptz,
    sent_at             timestamptz,
    secret              bytea,
    list_unsubscribe    text,
    link_hash           bytea,
    on_delivered        jsonb,
    job_id              uuid,
    replaced_by         uuid,
    request_id          uuid,
    notice              text CHECK (notice IS NULL OR notice IN ('extended', 'refused',
                            'completed', 'export_ready')),
    expires_at          timestamptz,
    -- While one instance sends it: others leave it until then.
    sending_until       timestamptz,
    PRIMARY KEY (organisation_id, id)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_record ON outbox (organisation_id, record_id, kind);
CREATE INDEX outbox_by_job ON outbox (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX outbox_by_link ON outbox (link_hash) WHERE link_hash IS NOT NULL;
CREATE INDEX outbox_by_request ON outbox (organisation_id, request_id) WHERE request_id IS NOT NULL;

CREATE TABLE email_templates (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    name                text NOT NULL,
    subject             text NOT NULL,
    body_text           text NOT NULL,
    body_html           text,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, id),
    CONSTRAINT email_templates_name UNIQUE (organisation_id, name)
);

CREATE TABLE sign_ups (
    token_hash          bytea PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    record_id           uuid NOT NULL,
    form_id             uuid NOT NULL,
    form_version        integer NOT NULL,
    lang                text NOT NULL,
    choices             json NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    confirmed_at        timestamptz,
    created_record      boolean NOT NULL DEFAULT false,
    message_id          uuid
);
CREATE INDEX sign_ups_by_expiry ON sign_ups (expires_at) WHERE confirmed_at IS NULL;
CREATE INDEX sign_ups_by_record ON sign_ups (organisation_id, record_id);

-- The privacy centre's one-time codes.
CREATE TABLE privacy_challenges (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email               text NOT NULL,
    kind                text NOT NULL,
    details             text,
    lang                text NOT NULL,
    code_hash           bytea NOT NULL,
    attempts            integer NOT NULL DEFAULT 0,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL,
    used_at             timestamptz
);
CREATE INDEX privacy_challenges_by_expiry ON privacy_challenges (expires_at);

-- Keyed hashes of erased addresses: a later import or sign-up of one is flagged.
CREATE TABLE suppressions (
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email_hash          bytea NOT NULL,
    request_id          uuid NOT NULL,
    created_at          timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, email_hash)
);

CREATE TABLE organisation_secrets (
    organisation_id     uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
    hash_key            bytea NOT NULL,
    wrapped             boolean NOT NULL DEFAULT false
);

CREATE TABLE signing_keys (
    kid                 text PRIMARY KEY,
    organisation_id     uuid NOT NULL UNIQUE REFERENCES organisations(id) ON DELETE CASCADE,
    secret              bytea NOT NULL,
    wrapped             boolean NOT NULL DEFAULT false,
    public              bytea NOT NULL CHECK (length(public) = 32),
    created_at          timestamptz NOT NULL
);

-- Access requests' exports, kept for download until they expire.
CREATE TABLE exports (
    token_hash          bytea PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    request_id          uuid NOT NULL,
    recipient           text NOT NULL,
    file                bytea NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL
);
CREATE INDEX exports_by_request ON exports (organisation_id, request_id);
CREATE INDEX exports_by_expiry ON exports (expires_at);

-- Encryption at rest: the data keys (wrapped by the master key) and the jobs.
CREATE TABLE data_keys (
    id                  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    purpose             text NOT NULL CHECK (purpose IN ('values', 'index')),
    wrapped             bytea NOT NULL,
    created_at          timestamptz NOT NULL
);

CREATE TABLE encryption_jobs (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid REFERENCES organisations(id) ON DELETE CASCADE,
    kind                text NOT NULL CHECK (kind IN ('encrypt', 'decrypt', 'rotate')),
    field_id            uuid REFERENCES module_fields(id) ON DELETE CASCADE,
    status              text NOT NULL CHECK (status IN ('pending', 'running', 'finished',
                            'failed')),
    total               bigint NOT NULL DEFAULT 0,
    done                bigint NOT NULL DEFAULT 0,
    detail              text,
    started_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    finished_at         timestamptz,
    CHECK ((kind = 'rotate') = (field_id IS NULL))
);
CREATE INDEX encryption_jobs_open ON encryption_jobs (status)
    WHERE status IN ('pending', 'running');

CREATE TABLE api_keys (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    name                text NOT NULL,
    scopes              jsonb NOT NULL CHECK (jsonb_typeof(scopes) = 'array'),
    secret_hash         bytea NOT NULL CONSTRAINT api_keys_secret UNIQUE,
    prefix              text NOT NULL,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL,
    last_used_at        timestamptz,
    revoked_at          timestamptz
);
CREATE INDEX api_keys_by_organisation ON api_keys (organisation_id, created_at);

CREATE TABLE webhooks (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    url                 text NOT NULL,
    events              jsonb NOT NULL CHECK (jsonb_typeof(events) = 'array'),
    secret              text NOT NULL,
    secret_wrapped      bytea,
    legacy              boolean NOT NULL DEFAULT false,
    created_by          text NOT NULL,
    created_at          timestamptz NOT NULL
);
-- Which subscriptions want an event: a containment search.
CREATE INDEX webhooks_by_event ON webhooks USING gin (events jsonb_path_ops);
CREATE INDEX webhooks_by_organisation ON webhooks (organisation_id);

CREATE TABLE webhook_deliveries (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    webhook_id          uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event               text NOT NULL,
    subject             text,
    status              text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts            integer NOT NULL DEFAULT 0,
    last_status         integer,
    failure             text,
    created_at          timestamptz NOT NULL,
    schedule_started_at timestamptz NOT NULL,
    next_attempt_at     timestamptz NOT NULL,
    delivered_at        timestamptz,
    event_id            uuid,
    facts               json
);
-- The sender's queue: only pending deliveries, by when they are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
    INCLUDE (organisation_id, webhook_id) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (organisation_id, webhook_id, id);

-- Idempotency-Key answers kept for replay, and what a keyed request wrote.
CREATE TABLE idempotency_keys (
    caller              bytea NOT NULL,
    key                 text NOT NULL,
    fingerprint         bytea NOT NULL,
    status              integer,
    content_type        text,
    body                bytea,
    created_at          timestamptz NOT NULL,
    claim_token         bytea,
    claimed_until       timestamptz NOT NULL DEFAULT 'epoch',
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

CREATE TABLE idempotency_effects (
    claim_token         bytea PRIMARY KEY,
    organisation_id     uuid NOT NULL,
    seq                 bigint NOT NULL,
    action              text NOT NULL,
    at                  timestamptz NOT NULL
);

-- Background jobs (imports, bulk consent requests) and their refused rows.
CREATE TABLE jobs (
    id                  uuid PRIMARY KEY,
    organisation_id     uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    kind                text NOT NULL CHECK (kind IN ('import', 'bulk_send')),
    state               text NOT NULL CHECK (state IN ('running', 'finished', 'failed',
                            'interrupted')),
    -- Import: data rows in the file. Bulk send: records matching the filter at the start.
    total               bigint NOT NULL,
    -- Import: rows handled (imported or refused). Bulk send: records skipped or asked.
    processed           bigint NOT NULL DEFAULT 0,
    -- Import: records created. Bulk send: requests made (each a link and a queued message).
    done                bigint NOT NULL DEFAULT 0,
    -- Import: the last file row handled (rows 2 up to it are done).
    handled_through_row bigint,
    -- Import: rows refused in all (the first 1,000 are listed in job_failures).
    error_count         bigint NOT NULL DEFAULT 0,
    -- Bulk send: records skipped, by reason code.
    skipped             jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(skipped) = 'object'),
    file_name           text,
    module_id           uuid,
    started_by          text NOT NULL,
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz,
    -- The instance running it: another takes an interrupted job's place.
    instance_id         uuid
);
CREATE INDEX jobs_running ON jobs (state) WHERE state = 'running';

CREATE TABLE job_failures (
    job_id              uuid NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    row_number          bigint NOT NULL,
    column_name         text,
    message             text NOT NULL,
    PRIMARY KEY (job_id, row_number, message)
);

-- The server processes working on the database, each alive while it renews its lease.
CREATE TABLE instances (
    id                  uuid PRIMARY KEY,
    started_at          timestamptz NOT NULL,
    alive_until         timestamptz NOT NULL
);

-- Erasure ledger entries already applied to this database.
CREATE TABLE erasure_ledger_applied (
    entry_id            uuid PRIMARY KEY,
    applied_at          timestamptz NOT NULL
);
