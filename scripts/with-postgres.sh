#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL: initdb in a temporary directory, a server on
# 127.0.0.1 (a free port), DATABASE_URL exported for the command, everything removed at the end.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "PostgreSQL server binaries not found; install the Debian package 'postgresql'." >&2
  exit 1
fi

tmp=$(mktemp -d /tmp/jatkumo-pg.XXXXXX)
chmod 755 "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_pg=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the server runs as the 'postgres' system user.
  id postgres >/dev/null 2>&1 || useradd --system --home "$tmp" postgres
  chown postgres "$tmp"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"${as_pg[@]}" "$pgbin/initdb" -D "$tmp/data" -U jatkumo --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -w -l "$tmp/server.log" \
  -o "-h 127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${as_pg[@]}" "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U jatkumo jatkumo

export DATABASE_URL="postgres://jatkumo@127.0.0.1:$port/jatkumo"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
