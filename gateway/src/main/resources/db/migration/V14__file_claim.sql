-- Which gateway instance is taking which dropped file, so that instances sharing a drop folder
-- never take one file twice at once. A claim is let go when the file is moved (or left for the next
-- poll); a claim older than its lease belongs to an instance that died, and may be taken over.
CREATE TABLE file_claim (
    file_key    VARCHAR(1024)            NOT NULL,
    claimed_by  VARCHAR(128)             NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_file_claim PRIMARY KEY (file_key)
);
