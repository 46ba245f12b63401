#!/usr/bin/env bash
# Schema-based fuzzing of the JSON API: schemathesis (PyPI) generates requests for every
# operation of the served OpenAPI document, sent with an API key holding every scope, and fails
# on any 5xx, any answer that does not match its documented schema, or an undocumented status.
# Called by scripts/test.sh after the server is built; needs CONSENTRY_BIN.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

VENV="${XDG_CACHE_HOME:-$HOME/.cache}/consentry-venv"
SCHEMATHESIS_VERSION=4.32.5
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  /usr/bin/python3 -c 'import ensurepip' 2>/dev/null || apt_install python3-venv
  step "Installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into $VENV"
  /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
fi

DATA="$(mktemp -d)"
PORT="$(free_port)"
CONSENTRY__SERVER__PORT="$PORT" CONSENTRY__DATABASE__URL="sqlite://$DATA/fuzz.db" \
  CONSENTRY__SERVER__DIST_DIR="$ROOT/dist" CONSENTRY_LOG=error \
  "$CONSENTRY_BIN" serve >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT

# An organisation, its administrator, and an API key with every scope.
read -r KEY COOKIE < <(/usr/bin/python3 - "$PORT" <<'PY'
import http.cookiejar, json, sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
cookies = http.cookiejar.CookieJar()
jar = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
def call(path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={
        "content-type": "application/json", "x-requested-with": "consentry"})
    return json.load(jar.open(request))
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/api/health")
        break
    except OSError:
        time.sleep(0.1)
admin = {"email": "fuzz@acme.example", "password": "correct horse battery staple"}
call("/api/v1/setup", {"organisation_name": "Acme", "organisation_slug": "acme",
                       "admin_name": "Fuzz Admin", "admin_email": admin["email"],
                       "admin_password": admin["password"]})
call("/api/v1/session", admin)
scopes = ["records:read", "records:write", "consent:read", "consent:write", "dsr:read",
          "dsr:write", "settings:read"]
secret = call("/api/v1/api-keys", {"name": "fuzz", "scopes": scopes})["secret"]
session = next(c for c in cookies if c.name == "consentry_session").value
print(secret, session)
PY
)
if [ -z "${KEY:-}" ] || [ -z "${COOKIE:-}" ]; then
  echo "Could not set up the organisation, session and API key to fuzz with:" >&2
  cat "$DATA/server.log" >&2
  exit 1
fi

# One worker: Python 3.11's ast module is not safe across threads, and hypothesis parses
# lambdas with it (an "AST constructor recursion depth mismatch" error otherwise).
fuzz() {
  "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/openapi.json" "$@" \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance \
    --max-examples 20 --workers 1 --seed 1 --no-color
}
step "Fuzzing the API with an API key holding every scope (schemathesis)"
fuzz --header "Authorization: Bearer $KEY"
# The routes for people, as the signed-in administrator. Signing out and changing or removing
# users may end the session (every later case would answer 401), so they run last, alone.
ENDS_SESSION=(--exclude-name "DELETE /api/v1/session" --exclude-name "PATCH /api/v1/users/{id}"
  --exclude-name "DELETE /api/v1/users/{id}")
AS_ADMIN=(--header "Cookie: consentry_session=$COOKIE" --header "X-Requested-With: consentry")
step "Fuzzing the API as the signed-in administrator (schemathesis)"
fuzz "${AS_ADMIN[@]}" "${ENDS_SESSION[@]}"
step "Fuzzing, last, the operations that may end the administrator's session"
fuzz "${AS_ADMIN[@]}" "${ENDS_SESSION[@]/--exclude-name/--include-name}"
