-- Every agreement version the gateway has ever loaded, kept for ever: a disclosure names an
-- agreement id and version, and this table says what that version said (its document, verbatim).
-- A version, once loaded, may not change: a changed document must carry a new version number.
CREATE TABLE agreement_version (
    agreement_id    VARCHAR(64)  NOT NULL,
    version         INTEGER      NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    document        TEXT         NOT NULL,
    first_loaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (agreement_id, version)
);
