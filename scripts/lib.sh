# Shared by scripts/run.sh and scripts/test.sh: install what is missing, then get out of the way.
# Every step is a no-op when its tool is already there.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/consentry-target}"

# Each step says how long the run has taken so far (minutes:seconds), so a slow one shows;
# scripts called by another count from the caller's start.
CONSENTRY_RUN_START="${CONSENTRY_RUN_START:-$(date +%s)}"
export CONSENTRY_RUN_START
step() {
  local taken=$(($(date +%s) - CONSENTRY_RUN_START))
  printf '\n\033[1m==> [%d:%02d] %s\033[0m\n' $((taken / 60)) $((taken % 60)) "$*"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  step "Installing Debian packages: $*"
  if [ -z "${CONSENTRY_APT_UPDATED:-}" ]; then
    as_root apt-get update -qq
    export CONSENTRY_APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "Adding the wasm32-unknown-unknown Rust target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
}

# binaryen (wasm-opt) for the release build, Playwright and axe-core for the browser tests.
# Playwright's own browser download is skipped: it cannot be fetched here; Debian's Chromium is.
ensure_node_modules() {
  ensure_node
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/package-lock.json" -nt "$stamp" ]; then
    step "Installing npm packages (binaryen, Playwright, axe-core)"
    (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# The integration tests deliver mail to a real SMTP server: Debian's aiosmtpd.
ensure_smtp_sink() {
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || apt_install python3-aiosmtpd
}

# The Python tools the tests check against, in one venv beside the build cache: jsonschema
# (the receipt schemas) and standardwebhooks (webhook signatures), pinned; schemathesis is
# added by scripts/fuzz-api.sh. The HTTP tests find the interpreter through CONSENTRY_PYTHON.
CONSENTRY_VENV="${XDG_CACHE_HOME:-$HOME/.cache}/consentry-venv"
JSONSCHEMA_VERSION=4.26.0
STANDARDWEBHOOKS_VERSION=1.1.0
OPENAPI_SPEC_VALIDATOR_VERSION=0.9.0
PROMETHEUS_CLIENT_VERSION=0.26.0
ensure_checkers() {
  if [ ! -x "$CONSENTRY_VENV/bin/python" ]; then
    /usr/bin/python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
    step "Creating $CONSENTRY_VENV"
    /usr/bin/python3 -m venv "$CONSENTRY_VENV"
  fi
  if ! "$CONSENTRY_VENV/bin/python" - "$JSONSCHEMA_VERSION" "$STANDARDWEBHOOKS_VERSION" \
    "$OPENAPI_SPEC_VALIDATOR_VERSION" "$PROMETHEUS_CLIENT_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
assert version("jsonschema") == sys.argv[1]
assert version("standardwebhooks") == sys.argv[2]
assert version("openapi-spec-validator") == sys.argv[3]
assert version("prometheus-client") == sys.argv[4]
PY
  then
    step "Installing jsonschema $JSONSCHEMA_VERSION, standardwebhooks $STANDARDWEBHOOKS_VERSION, openapi-spec-validator $OPENAPI_SPEC_VALIDATOR_VERSION and prometheus-client $PROMETHEUS_CLIENT_VERSION (PyPI) into $CONSENTRY_VENV"
    "$CONSENTRY_VENV/bin/pip" install -q "jsonschema==$JSONSCHEMA_VERSION" \
      "standardwebhooks==$STANDARDWEBHOOKS_VERSION" \
      "openapi-spec-validator==$OPENAPI_SPEC_VALIDATOR_VERSION" \
      "prometheus-client==$PROMETHEUS_CLIENT_VERSION"
  fi
  export CONSENTRY_PYTHON="$CONSENTRY_VENV/bin/python"
}

# Runs each command given at the script's exit, last given first.
CONSENTRY_AT_EXIT=""
at_exit() {
  CONSENTRY_AT_EXIT="$1; $CONSENTRY_AT_EXIT"
  trap 'eval "$CONSENTRY_AT_EXIT"' EXIT
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The PostgreSQL the tests of the PostgreSQL backend need, as CONSENTRY_TEST_POSTGRES_URL (a
# superuser's URL; each test makes its own database): the one that variable already names,
# else one answering on 127.0.0.1:5432 as user postgres without a password, else a throw-away
# cluster of Debian's package (installed when missing) in a temporary directory on a free
# port, speaking TLS with a certificate made for it (its authority's certificate as
# CONSENTRY_TEST_POSTGRES_ROOT_CERT: the TLS test needs it), stopped when the calling script
# exits.
ensure_postgres() {
  if [ -n "${CONSENTRY_TEST_POSTGRES_URL:-}" ]; then
    return
  fi
  local bin=/usr/lib/postgresql/15/bin
  if [ -x "$bin/psql" ] && PGCONNECT_TIMEOUT=3 "$bin/psql" -w -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; then
    export CONSENTRY_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:5432/postgres"
    return
  fi
  [ -x "$bin/initdb" ] || apt_install postgresql
  command -v openssl >/dev/null || apt_install openssl
  step "Starting a throw-away PostgreSQL cluster"
  PG_TEST_DIR="$(mktemp -d)"
  local port
  port="$(free_port)"
  # A certificate for 127.0.0.1 signed by an authority of its own, so a client can check it.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=Consentry test authority" -keyout "$PG_TEST_DIR/ca.key" -out "$PG_TEST_DIR/ca.crt" 2>/dev/null
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$PG_TEST_DIR/server.key" -out "$PG_TEST_DIR/server.csr" 2>/dev/null
  openssl x509 -req -in "$PG_TEST_DIR/server.csr" -CA "$PG_TEST_DIR/ca.crt" -CAkey "$PG_TEST_DIR/ca.key" \
    -CAcreateserial -days 2 -extfile <(printf 'subjectAltName=IP:127.0.0.1\n') \
    -out "$PG_TEST_DIR/server.crt" 2>/dev/null
  chmod 600 "$PG_TEST_DIR/server.key"
  chmod 755 "$PG_TEST_DIR"
  as_root chown -R postgres "$PG_TEST_DIR"
  # initdb refuses to run as root: the cluster belongs to the package's postgres user.
  as_root runuser -u postgres -- "$bin/initdb" -D "$PG_TEST_DIR/data" -A trust -U postgres >/dev/null
  # Durable commits as in production; room for every test's pools at once.
  as_root runuser -u postgres -- "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/log" -w \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c ssl=on -c ssl_cert_file=$PG_TEST_DIR/server.crt -c ssl_key_file=$PG_TEST_DIR/server.key" start >/dev/null
  at_exit 'as_root runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_TEST_DIR/data" -m fast -w stop >/dev/null 2>&1; as_root rm -rf "$PG_TEST_DIR"'
  export CONSENTRY_TEST_POSTGRES_ROOT_CERT="$PG_TEST_DIR/ca.crt"
  export CONSENTRY_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
}
