-- Staff who sign in through the municipality's identity provider (OpenID Connect): the
-- provider's issuer and subject name the account, since an e-mail address can change hands and
-- a subject never does. Such an account keeps no password (an empty password_hash).
ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
ALTER TABLE users ADD COLUMN oidc_subject TEXT;
CREATE UNIQUE INDEX users_oidc_subject ON users (oidc_issuer, oidc_subject);
