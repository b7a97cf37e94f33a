-- Identity learning takes turns, on every gateway instance: each learning transaction (a message's
-- Patients, the tenancy roll, a confirmed review) first locks this one row (SELECT ... FOR UPDATE)
-- until it commits. Learning reads before it writes (is there a link already? do the two records'
-- clusters conflict?), and two dispatch consumers learning about the same people at once would
-- otherwise each decide on what the other has not committed yet: links made twice or missed, two
-- people merged through a conflict neither saw.
CREATE TABLE identity_learning_turn (
    id  INTEGER  NOT NULL,
    CONSTRAINT pk_identity_learning_turn PRIMARY KEY (id)
);
INSERT INTO identity_learning_turn (id) VALUES (1);
