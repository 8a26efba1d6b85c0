#!/usr/bin/env bash
# Prepares the local MariaDB for the MySQL/MariaDB TLS tests. Idempotent; run as root.
#   strata_tls_user (no password) may connect only over TLS (REQUIRE SSL).
# TLS is switched on with Debian's snakeoil certificate when the server has it off, which restarts the
# server: through systemd when it runs MariaDB, otherwise stopped over its socket and started as .ci/run starts it.
set -euo pipefail

MARIADB_HOST="${MARIADB_HOST:-127.0.0.1}" MARIADB_PORT="${MARIADB_PORT:-3306}"
TLS_CONFIG_DIR=/etc/mysql/mariadb.conf.d
TLS_CONFIG="$TLS_CONFIG_DIR/90-strata-tls.cnf"
PID_FILE=/run/mysqld/mysqld.pid

# As root over the server's socket (unix_socket authentication).
mariadb_admin_sql() {
  mariadb -u root --batch --skip-column-names "$@"
}

answers_over_tcp() {
  mariadb-admin --protocol=tcp -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u root ping >/dev/null 2>&1
}

# Polls a check command every half second, up to 60 seconds.
wait_until() {
  local what="$1" attempt
  shift
  for attempt in $(seq 1 120); do
    if "$@"; then return 0; fi
    sleep 0.5
  done
  echo "mariadb-setup: $what did not happen within 60 s; see /var/log/mysql/error.log." >&2
  exit 1
}

server_gone() {
  ! { [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; }
}

restart_server() {
  if command -v systemctl >/dev/null && systemctl is-active --quiet mariadb 2>/dev/null; then
    systemctl restart mariadb
    wait_until "MariaDB answering on $MARIADB_HOST:$MARIADB_PORT" answers_over_tcp
    return
  fi
  server_pid="$(cat "$PID_FILE" 2>/dev/null || pgrep -x -u mysql mariadbd | head -n 1 || true)"
  mariadb-admin -u root shutdown
  wait_until "the MariaDB shutdown" server_gone
  mkdir -p /run/mysqld
  chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_until "MariaDB answering on $MARIADB_HOST:$MARIADB_PORT" answers_over_tcp
}

enable_tls() {
  if [ "$(mariadb_admin_sql -e 'SELECT @@have_ssl')" = "YES" ]; then
    return
  fi
  local cert=/etc/ssl/certs/ssl-cert-snakeoil.pem key=/etc/ssl/private/ssl-cert-snakeoil.key
  if [ ! -f "$cert" ] || [ ! -f "$key" ]; then
    if ! command -v make-ssl-cert >/dev/null; then
      apt-get install -y --no-install-recommends ssl-cert >/dev/null
    fi
    make-ssl-cert generate-default-snakeoil
  fi
  # The server reads the key as the mysql user, which Debian lets in through the ssl-cert group.
  usermod -a -G ssl-cert mysql
  mkdir -p "$TLS_CONFIG_DIR"
  printf '[mysqld]\nssl_cert = %s\nssl_key = %s\n' "$cert" "$key" >"$TLS_CONFIG"
  # Debian's own my.cnf reads that directory; a hand-written one may not.
  if ! my_print_defaults --mysqld | grep -qx -- "--ssl_cert=$cert"; then
    printf '\n!includedir %s/\n' "$TLS_CONFIG_DIR" >>/etc/mysql/my.cnf
  fi
  restart_server
  if [ "$(mariadb_admin_sql -e 'SELECT @@have_ssl')" != "YES" ]; then
    echo "mariadb-setup: could not switch TLS on; see /var/log/mysql/error.log." >&2
    exit 1
  fi
}

create_users() {
  mariadb_admin_sql <<'SQL'
CREATE USER IF NOT EXISTS 'strata_tls_user'@'127.0.0.1';
CREATE USER IF NOT EXISTS 'strata_tls_user'@'localhost';
ALTER USER 'strata_tls_user'@'127.0.0.1' IDENTIFIED BY '' REQUIRE SSL;
ALTER USER 'strata_tls_user'@'localhost' IDENTIFIED BY '' REQUIRE SSL;
SQL
}

enable_tls
create_users
echo "mariadb-setup: user strata_tls_user ready, TLS on."
