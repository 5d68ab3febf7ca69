#!/usr/bin/env bash
# Runs every test: installs what the suite needs, builds the solution, runs all test projects.
# Prints one closing line "tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

scripts/setup.sh test || exit 1
if [ -f tests/js/package.json ] && [ ! -d tests/js/node_modules ]; then
  (cd tests/js && npm install --no-audit --no-fund --silent) || { echo "npm install failed" >&2; exit 1; }
fi

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build ZeroGo.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "tests: build failed"; exit 1; }
# Tests that drive ./zerogo as a user would (GTP pipes, the window under Xvfb) must not wait for its first build.
./zerogo --version >/dev/null || { echo "tests: ./zerogo failed to build"; exit 1; }

# One test project at a time (-m:1): several suites drive external programs (GNU Go, leelaz, Xvfb) with time
# limits, and on a 2-core machine running them all at once only makes each slower and flakier.
dotnet test ZeroGo.sln -c Release --no-build -nologo -m:1 \
  --logger "trx" --results-directory "$results" --logger "console;verbosity=minimal" "$@"
status=$?

# The training and network tests once more with every fresh libtorch allocation filled with NaN (tests/tools/nanfill.c):
# a kernel that reads memory it never wrote then fails here on every machine, not by chance on some CPUs
# (docs/training.md, "NaN on a fresh machine"). Needs gcc; without it the pass is skipped with a line saying so.
if command -v gcc >/dev/null 2>&1 && gcc -O2 -shared -fPIC -o "$root/artifacts/nanfill.so" tests/tools/nanfill.c -ldl; then
  echo "nanfill: the Neural and Training tests again, with fresh native memory filled with NaN"
  # libtorch warns once per convolution that NNPACK does not support this CPU: noise, filtered out.
  for project in tests/ZeroGo.Neural.Tests tests/ZeroGo.Training.Tests; do
    { NANFILL=nan LD_PRELOAD="$root/artifacts/nanfill.so" dotnet test "$project" -c Release --no-build -nologo \
        --logger "trx;LogFilePrefix=nanfill" --results-directory "$results" --logger "console;verbosity=minimal" "$@"
      echo $? >"$results/nanfill.status"; } 2>&1 | { grep -v 'NNPACK' || true; }
    [ "$(cat "$results/nanfill.status")" = 0 ] || status=1
  done
else
  echo "nanfill: skipped (no gcc to build tests/tools/nanfill.c)"
fi

# One closing line for people and CI, summed over the TRX files of every test project.
counters=$(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' || true)
sum_attr() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
passed=$(sum_attr passed); failed=$(( $(sum_attr failed) + $(sum_attr error) ))
skipped=$(( $(sum_attr total) - $(sum_attr executed) ))
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
