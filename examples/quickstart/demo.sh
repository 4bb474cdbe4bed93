#!/usr/bin/env bash
# Runs the quickstart end to end: `make demo` calls this from the repository root.
#
# Without DOCSPACE_HOST it starts the DocSpace emulator on a free loopback port
# and creates a Custom and a Public room through the emulator's API. With
# DOCSPACE_HOST, DOCSPACE_TOKEN (or DOCSPACE_USERNAME and DOCSPACE_PASSWORD) and
# DOCSPACE_ROOM_ID (a Custom room that user manages; DOCSPACE_PUBLIC_ROOM_ID
# optionally names a Public room) it runs against that portal instead, and
# destroys what it created.
#
# Everything it writes goes to one temporary folder, removed at the end.
# DEMO_SHOW_SECRETS=1 also prints the sensitive outputs.
set -euo pipefail

started=$SECONDS
repo=$(cd "$(dirname "$0")/../.." && pwd)

step() { printf '\n==> %s\n' "$*"; }
die() {
  printf 'demo: %s\n' "$*" >&2
  exit 1
}

step "Checking for Go and Terraform"
command -v go >/dev/null 2>&1 ||
  die "Go is not on PATH. Install Go 1.26 or later (https://go.dev/dl/) and run make demo again."
command -v terraform >/dev/null 2>&1 ||
  die "Terraform is not on PATH. Install Terraform 1.5 or later (https://developer.hashicorp.com/terraform/install) and run make demo again."

work=$(mktemp -d "${TMPDIR:-/tmp}/docspace-demo.XXXXXX")
mkdir -p "$work/bin" "$work/quickstart"
emulator_pid=""
real_portal=""
applied=""

export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
echo "$(go version | cut -d' ' -f3), $(terraform version | sed -n 1p)"

color=()
[ -t 1 ] || color=(-no-color)
tf() {
  local cmd=$1
  shift
  terraform -chdir="$work/quickstart" "$cmd" "${color[@]}" "$@"
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$status" -ne 0 ] && [ -n "$real_portal" ] && [ -n "$applied" ]; then
    step "The demo failed: destroying what it created on $DOCSPACE_HOST"
    tf destroy -input=false -auto-approve -compact-warnings ||
      echo "demo: destroy failed; remove the demo links in DocSpace by hand" >&2
  fi
  if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
    step "Stopping the emulator"
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  if [ "$status" -eq 0 ]; then
    step "Done in $((SECONDS - started))s; nothing was left behind"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The README's recipe for trying configurations: `make dev-config` builds the
# provider and writes a CLI configuration whose dev_overrides use that build,
# never a registry.
step "Building the provider and its CLI configuration (make dev-config)"
make -s -C "$repo" --no-print-directory dev-config DEV_DIR="$work/bin"
export TF_CLI_CONFIG_FILE="$work/bin/terraformrc"

if [ -n "${DOCSPACE_HOST:-}" ]; then
  real_portal=1
  step "Using the DocSpace portal at $DOCSPACE_HOST (DOCSPACE_HOST is set; unset it to use the emulator)"
  [ -n "${DOCSPACE_TOKEN:-}" ] || { [ -n "${DOCSPACE_USERNAME:-}" ] && [ -n "${DOCSPACE_PASSWORD:-}" ]; } ||
    die "DOCSPACE_TOKEN is not set: give an API key (sk-...) or a personal access token of a room manager (or set DOCSPACE_USERNAME and DOCSPACE_PASSWORD)."
  [ -n "${DOCSPACE_ROOM_ID:-}" ] ||
    die "DOCSPACE_ROOM_ID is not set: give the id of a Custom room the token's user manages (the number in /rooms/shared/<id>)."
  export TF_VAR_project_room_id=$DOCSPACE_ROOM_ID
  if [ -n "${DOCSPACE_PUBLIC_ROOM_ID:-}" ]; then
    export TF_VAR_press_room_id=$DOCSPACE_PUBLIC_ROOM_ID
  fi
else
  step "Starting the DocSpace emulator on a free loopback port, with two rooms created through its API"
  (cd "$repo" && go build -o "$work/bin/docspace-emulator" ./internal/docspacetest/cmd/docspace-emulator)
  "$work/bin/docspace-emulator" -env-file "$work/emulator.env" \
    -room "custom:Project Apollo" -room "public:Press room" &
  emulator_pid=$!
  for _ in $(seq 1 100); do
    [ -f "$work/emulator.env" ] && break
    kill -0 "$emulator_pid" 2>/dev/null || die "the emulator stopped before it was ready"
    sleep 0.1
  done
  [ -f "$work/emulator.env" ] || die "the emulator was not ready after 10 seconds"
  # The emulator wrote DOCSPACE_HOST, DOCSPACE_TOKEN and DOCSPACE_ROOM_IDS.
  # shellcheck disable=SC1091
  . "$work/emulator.env"
  export DOCSPACE_HOST DOCSPACE_TOKEN
  # The emulator's token is the one way of signing in here.
  unset DOCSPACE_USERNAME DOCSPACE_PASSWORD
  # shellcheck disable=SC2153 # DOCSPACE_ROOM_IDS comes from emulator.env
  read -r TF_VAR_project_room_id TF_VAR_press_room_id <<<"$DOCSPACE_ROOM_IDS"
  export TF_VAR_project_room_id TF_VAR_press_room_id
fi

TF_VAR_auditors_password="Demo-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
export TF_VAR_auditors_password
cp "$repo"/examples/quickstart/*.tf "$work/quickstart/"

step "terraform apply: creating the links"
applied=1
tf apply -input=false -auto-approve -compact-warnings

step "terraform output (sensitive values stay hidden; DEMO_SHOW_SECRETS=1 make demo shows them)"
tf output
if [ "${DEMO_SHOW_SECRETS:-}" = 1 ]; then
  printf 'auditors_link     = %s\n' "$(tf output -raw auditors_link)"
  printf 'join_project_link = %s\n' "$(tf output -raw join_project_link)"
fi

step "terraform plan: a second plan finds nothing to change"
set +e
tf plan -input=false -detailed-exitcode -compact-warnings
plan_status=$?
set -e
case $plan_status in
  0) ;;
  2) die "the second plan wants changes: the provider does not converge (a bug; please report it)" ;;
  *) die "terraform plan failed" ;;
esac

step "terraform destroy: removing the links"
tf destroy -input=false -auto-approve -compact-warnings
applied=""
