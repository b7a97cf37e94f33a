-- The record of disclosures: every disclosure and every withholding, append-only and hash-chained.
-- Each entry's hash covers its canonical content and the previous entry's hash (see
-- org.caseway.gateway.ledger.EntryHash), so an edited, deleted or reordered entry breaks the chain.
-- The gateway only ever inserts; on PostgreSQL a trigger (V5) also refuses UPDATE and DELETE.
CREATE TABLE disclosure_record (
    seq                BIGINT                   NOT NULL,
    kind               VARCHAR(16)              NOT NULL,
    message_id         VARCHAR(64)              NOT NULL,
    -- The id of the bundle the recipient was sent (Bundle.id of the view); NULL for withholdings.
    disclosure_id      VARCHAR(64),
    event_code         VARCHAR(256)             NOT NULL,
    source_partner     VARCHAR(64)              NOT NULL,
    recipient_partner  VARCHAR(64)              NOT NULL,
    agreement_id       VARCHAR(128),
    agreement_version  INTEGER,
    purpose            VARCHAR(64),
    reason_code        VARCHAR(64),
    reason             VARCHAR(4000),
    -- Sorted, comma-separated data category codes.
    categories         VARCHAR(4000)            NOT NULL,
    -- Sorted, comma-separated element paths (ResourceType.element).
    elements           VARCHAR(65536)           NOT NULL,
    -- JSON array of subjects, each an array of "system|value" identifiers as the message carried them.
    subjects           VARCHAR(65536)           NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    previous_hash      VARCHAR(64)              NOT NULL,
    entry_hash         VARCHAR(64)              NOT NULL,
    CONSTRAINT pk_disclosure_record PRIMARY KEY (seq)
);
CREATE INDEX ix_disclosure_record_message ON disclosure_record (message_id);

-- Who each entry is about, one row per identifier: the index behind subject access requests. The
-- same identifiers are in disclosure_record.subjects, which the hash covers.
CREATE TABLE disclosure_subject (
    seq        BIGINT        NOT NULL,
    id_system  VARCHAR(256)  NOT NULL,
    id_value   VARCHAR(256)  NOT NULL,
    CONSTRAINT pk_disclosure_subject PRIMARY KEY (seq, id_system, id_value)
);
CREATE INDEX ix_disclosure_subject_identifier ON disclosure_subject (id_system, id_value);

-- The head of the chain: one row, locked by every append (SELECT ... FOR UPDATE) so that concurrent
-- appenders, on any gateway instance, take turns and never fork the chain.
CREATE TABLE disclosure_chain_head (
    id         INTEGER      NOT NULL,
    last_seq   BIGINT       NOT NULL,
    last_hash  VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_disclosure_chain_head PRIMARY KEY (id)
);
INSERT INTO disclosure_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
