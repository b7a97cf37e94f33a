-- A tenancy reference is not a person's identifier: a tenancy has several tenants. A link to one
-- names the tenant it was made for (normalised name and date of birth, as the index matched them),
-- and the index follows a link through a tenancy only to links made for the same tenant, so that
-- co-tenants are never merged into one person. NULL: made for no particular tenant (not followed
-- through the tenancy).
ALTER TABLE identity_link ADD COLUMN tenant VARCHAR(600);
