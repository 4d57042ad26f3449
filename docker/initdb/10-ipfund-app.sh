#!/bin/sh
# The serving login of the portal (issue 8: two roles). The official postgres image runs this once,
# when the data volume is first initialised, as the superuser POSTGRES_USER. The app's migrations
# (run as the owner, MIGRATION_DATABASE_URL) find the role and give it its grants and policies; they
# refuse to serve under a role with SUPERUSER, BYPASSRLS, CREATEROLE or REPLICATION.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$IPFUND_APP_PASSWORD" <<'SQL'
CREATE ROLE ipfund_app LOGIN PASSWORD :'app_password'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
SQL
