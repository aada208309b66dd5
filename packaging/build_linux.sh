#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller and check it: it starts offscreen, a second start
# hands --show over to it, the command line searches the bundled sample; prints size and start-up time.
#   bash packaging/build_linux.sh            (PYTHON: an interpreter with the project's dependencies)
# PyInstaller is a build tool only: installed here when missing, never a runtime dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || "$PYTHON" -m pip install --quiet pyinstaller
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/bundle/dist --workpath build/bundle/work packaging/kb-assistant.spec
APP=build/bundle/dist/kb-assistant/kb-assistant
[ -x "$APP" ] || { echo "build: $APP was not built" >&2; exit 1; }

CHECK="$(mktemp -d)"
trap 'kill "${GUI:-0}" 2>/dev/null || true; rm -rf "$CHECK"' EXIT
export KB_ASSISTANT_CONFIG_DIR="$CHECK/config" KB_ASSISTANT_CACHE_DIR="$CHECK/cache" \
    KB_ASSISTANT_DATA_DIR="$CHECK/data" QT_QPA_PLATFORM=offscreen
unset KB_ASSISTANT_KB KB_ASSISTANT_INDEX

# the command line on the bundled sample (builds the index), timed
start=$(date +%s.%N)
"$APP" search --json refund >"$CHECK/search.json"
cli_s=$(echo "$(date +%s.%N) - $start" | bc)
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["hits"], d; print("cli search:", d["hits"][0]["id"])' \
    "$CHECK/search.json"
"$APP" check >/dev/null
# the semantic matcher's weights travel with the bundle: its index has the article vectors beside it
find "$CHECK/cache" -path '*/semantic/*.npz' | grep -q . || { echo "build: no article vectors (the matcher did not load)" >&2; exit 1; }
echo "semantic matcher: article vectors made"

# the window, offscreen: started (its single-instance socket appears), then a second start hands --show over
SOCKET="${TMPDIR:-/tmp}/kb-assistant-$(printf %s "$(realpath -m "$KB_ASSISTANT_CONFIG_DIR")" | sha256sum | cut -c1-16)"
start=$(date +%s.%N)
"$APP" >"$CHECK/gui.log" 2>&1 &
GUI=$!
for _ in $(seq 1 240); do  # up to 60 s
    [ -S "$SOCKET" ] && break
    kill -0 "$GUI" 2>/dev/null || break
    sleep 0.25
done
startup_s=$(echo "$(date +%s.%N) - $start" | bc)
[ -S "$SOCKET" ] || { echo "build: the window did not start" >&2; cat "$CHECK/gui.log" >&2; exit 1; }
timeout 20 "$APP" --show refund || { echo "build: --show was not handed over" >&2; exit 1; }
sleep 2
kill -0 "$GUI" || { echo "build: the window exited" >&2; cat "$CHECK/gui.log" >&2; exit 1; }
if grep -q "Traceback\|ModuleNotFoundError" "$CHECK/gui.log"; then cat "$CHECK/gui.log" >&2; exit 1; fi
echo "show hand-over: answered"
kill "$GUI"; wait "$GUI" 2>/dev/null || true

echo "bundle size: $(du -sh build/bundle/dist/kb-assistant | cut -f1)"
echo "start-up to the single-instance socket: ${startup_s} s; first CLI search (index built): ${cli_s} s"
