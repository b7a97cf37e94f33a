-- Durable state of the polled change feeds (adapters' FeedStateStore): where each feed was read up
-- to, and the highest version of each item taken in (which decides case opened / updated / closed).
-- Both are written in one transaction, only after a whole page was taken.
CREATE TABLE feed_cursor (
    channel_id  VARCHAR(200)             NOT NULL,
    next_cursor VARCHAR(1000)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_feed_cursor PRIMARY KEY (channel_id)
);

CREATE TABLE feed_item_version (
    channel_id  VARCHAR(200)             NOT NULL,
    item_key    VARCHAR(200)             NOT NULL,
    version     BIGINT                   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_feed_item_version PRIMARY KEY (channel_id, item_key)
);

-- Which markers were disclosed about whom, to whom, first: part of the record of disclosures that
-- an outbound mapping may need (housing's RISK_TO_STAFF is raised the first time a violent or
-- weapons marker on a tenant is disclosed to it). One row per recipient, recipient-side identifier
-- and marker, naming the disclosure that first carried it; written before that disclosure is sent,
-- never changed.
CREATE TABLE marker_disclosure (
    recipient_partner  VARCHAR(64)              NOT NULL,
    id_system          VARCHAR(256)             NOT NULL,
    id_value           VARCHAR(256)             NOT NULL,
    marker             VARCHAR(64)              NOT NULL,
    disclosure_id      VARCHAR(64)              NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_marker_disclosure PRIMARY KEY (recipient_partner, id_system, id_value, marker)
);
