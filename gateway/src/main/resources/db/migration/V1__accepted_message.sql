-- One row per message the gateway has accepted: the idempotency record behind "a repeated
-- message id is taken once", and the link from a message id to its place on the journal.
-- Portable SQL: the same migration runs on PostgreSQL and on H2 (PostgreSQL mode).
CREATE TABLE accepted_message (
    -- Bundle.id: a FHIR id, at most 64 characters.
    message_id        VARCHAR(64)              NOT NULL,
    source_partner    VARCHAR(64)              NOT NULL,
    event_code        VARCHAR(256)             NOT NULL,
    -- "system|value" of the subject's identifier; the journal's record key.
    subject_key       VARCHAR(1024)            NOT NULL,
    accepted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Set in the same transaction as the insert, once the broker has acknowledged the record, so
    -- a committed row always has them; NULL only inside that transaction.
    journal_partition INTEGER,
    journal_offset    BIGINT,
    CONSTRAINT pk_accepted_message PRIMARY KEY (message_id)
);
