#!/usr/bin/env bash
# Prepares the local PostgreSQL for the PostgreSQL integration tests. Idempotent; run as root.
#   strata_pw_user  (password strata-test-pw) must authenticate with scram-sha-256 over TCP;
#   strata_tls_user (no password) may connect over TCP only with TLS.
# TLS is switched on with Debian's snakeoil certificate when the server has it off.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}"

psql_admin() {
  psql -X -q -v ON_ERROR_STOP=1 -At "$@"
}

create_roles() {
  psql_admin <<'SQL'
SET password_encryption = 'scram-sha-256';
SELECT 'CREATE ROLE strata_pw_user LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'strata_pw_user') \gexec
SELECT 'CREATE ROLE strata_tls_user LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'strata_tls_user') \gexec
ALTER ROLE strata_pw_user LOGIN PASSWORD 'strata-test-pw';
ALTER ROLE strata_tls_user LOGIN PASSWORD NULL;
SQL
}

enable_tls() {
  if [ "$(psql_admin -c 'SHOW ssl')" = "on" ]; then
    return
  fi
  local cert=/etc/ssl/certs/ssl-cert-snakeoil.pem key=/etc/ssl/private/ssl-cert-snakeoil.key
  if [ ! -f "$cert" ] || [ ! -f "$key" ]; then
    if ! command -v make-ssl-cert >/dev/null; then
      apt-get install -y --no-install-recommends ssl-cert >/dev/null
    fi
    make-ssl-cert generate-default-snakeoil
  fi
  # The server reads the key as the postgres user, which Debian lets in through the ssl-cert group.
  if getent group ssl-cert >/dev/null && id postgres >/dev/null 2>&1; then
    usermod -a -G ssl-cert postgres
  fi
  psql_admin <<SQL
ALTER SYSTEM SET ssl_cert_file = '$cert';
ALTER SYSTEM SET ssl_key_file = '$key';
ALTER SYSTEM SET ssl = on;
SELECT pg_reload_conf();
SQL
  sleep 1
  if [ "$(psql_admin -c 'SHOW ssl')" != "on" ]; then
    local version cluster
    read -r version cluster < <(pg_lsclusters --no-header | awk -v port="$PGPORT" '$3 == port { print $1, $2; exit }')
    pg_ctlcluster "$version" "$cluster" restart
  fi
  if [ "$(psql_admin -c 'SHOW ssl')" != "on" ]; then
    echo "postgres-setup: could not switch TLS on; see the server log." >&2
    exit 1
  fi
}

configure_hba() {
  local hba begin='# strata-test rules begin' end='# strata-test rules end'
  hba="$(psql_admin -c 'SHOW hba_file')"
  local block
  block="$(cat <<EOF
$begin
host      all strata_pw_user  127.0.0.1/32 scram-sha-256
host      all strata_pw_user  ::1/128      scram-sha-256
hostssl   all strata_tls_user 127.0.0.1/32 trust
hostssl   all strata_tls_user ::1/128      trust
hostnossl all strata_tls_user 127.0.0.1/32 reject
hostnossl all strata_tls_user ::1/128      reject
$end
EOF
)"
  # Drop an earlier copy of the block, then put it above the first rule so that it wins over trust lines.
  local updated
  updated="$(awk -v begin="$begin" -v end="$end" -v block="$block" '
    $0 == begin { skipping = 1; next }
    skipping && $0 == end { skipping = 0; next }
    skipping { next }
    !inserted && $0 !~ /^[[:space:]]*(#|$)/ { print block; inserted = 1 }
    { print }
    END { if (!inserted) print block }
  ' "$hba")"
  if [ "$updated" != "$(cat "$hba")" ]; then
    # Rewrite in place so the file keeps its owner and mode.
    printf '%s\n' "$updated" >"$hba"
    psql_admin -c 'SELECT pg_reload_conf()' >/dev/null
    sleep 1
  fi
}

create_roles
enable_tls
configure_hba
echo "postgres-setup: roles strata_pw_user and strata_tls_user ready, TLS on, pg_hba rules in place."
