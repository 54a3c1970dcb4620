#!/usr/bin/env bash
# Side-by-side benchmark: mentor-match solve vs scipy, lap and OR-tools on one
# generated instance, in one run. Arguments go to peers.py, e.g.
#   Benchmarks/peers/run.sh --kind ties --repeat 3 --json-out /tmp/peers.json
# MENTOR_MATCH_BIN=/path/to/mentor-match skips the release build and uses that binary.
# PYTHON=/path/to/python3 chooses the interpreter that makes the virtual environment.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

# 1. Virtual environment with the peers (re-installed when a requirements file changes).
if [ ! -x "$venv/bin/python" ]; then
  echo "peers: creating $venv" >&2
  "$python" -m venv "$venv"
fi
stamp="$venv/.installed-$(cat "$here/requirements.txt" "$here/requirements-lap.txt" | cksum | cut -d' ' -f1)"
if [ ! -e "$stamp" ]; then
  echo "peers: installing numpy, scipy, ortools, lap into $venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
  if "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements-lap.txt" >&2 \
    && "$venv/bin/python" -c 'import lap' 2>/dev/null; then
    touch "$stamp"
  else
    # No stamp: the next run tries lap again. peers.py reports lap as skipped.
    echo "peers: lap could not be installed or imported; it will be skipped" >&2
  fi
fi

# 2. The mentor-match binary.
if [ -n "${MENTOR_MATCH_BIN:-}" ]; then
  bin="$MENTOR_MATCH_BIN"
  [ -x "$bin" ] || { echo "peers: MENTOR_MATCH_BIN=$bin is not an executable file" >&2; exit 2; }
else
  if [ -x "$root/scripts/ensure-system-packages" ]; then "$root/scripts/ensure-system-packages"; fi
  echo "peers: building mentor-match (release)" >&2
  swift build -c release --product mentor-match --package-path "$root" >&2 \
    || { echo "peers: the release build of mentor-match failed" >&2; exit 70; }
  bin="$(swift build -c release --show-bin-path --package-path "$root")/mentor-match"
fi

# 3. The benchmark.
exec "$venv/bin/python" "$here/peers.py" --mentor-match "$bin" "$@"
