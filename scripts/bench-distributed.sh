#!/usr/bin/env bash
# Self-play throughput through a PostgreSQL store against in-process self-play, on this machine (docs/distributed.md).
#   scripts/bench-distributed.sh [GAMES] [THREADS]
# Starts a throw-away PostgreSQL (initdb in a temp folder, loopback port), creates a 7x7 run (b2c32, 32 visits) with
# `zerogo loop --store` and stops the trainer once generation 0 is published, then plays GAMES games three ways with
# the same network and settings: `zerogo selfplay` (in-process, files), one `zerogo worker`, two workers at once.
# Prints games/h of each (wall clock from process start to exit, start-up included).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
games="${1:-24}"
threads="${2:-8}"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/zerogo-bench-XXXXXX)
port=$((20000 + RANDOM % 20000))
as_pg=()
[ "$(id -u)" = 0 ] && { chown postgres "$work"; as_pg=(runuser -u postgres --); }
"${as_pg[@]}" "$bin/initdb" -D "$work/data" -A trust -U zerogo >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -o "-p $port -k $work -c listen_addresses=127.0.0.1" -l "$work/log" start >/dev/null
trap '"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" stop -m immediate >/dev/null; rm -rf "$work"' EXIT
"$bin/createdb" -h 127.0.0.1 -p "$port" -U zerogo zerogo
url="postgresql://zerogo@127.0.0.1:$port/zerogo"
zerogo="$root/zerogo"

"$zerogo" loop --run "$work/run" --size 7 --blocks 2 --channels 32 --visits 32 --games-per-generation 100000 \
  --generations 1 --store "$url" >"$work/trainer.log" 2>&1 &
trainer=$!
until grep -q "waiting for workers" "$work/trainer.log"; do sleep 1; done
kill "$trainer"; wait "$trainer" || true

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
rate() { awk -v g="$1" -v s="$2" 'BEGIN { printf "%.0f", g * 3600 / s }'; }

start=$(date +%s.%N)
"$zerogo" selfplay --model "$work/run/models/gen-0000" --size 7 --games "$games" --visits 32 --concurrent "$threads" \
  --out "$work/local" >"$work/local.log" 2>&1
local_s=$(elapsed "$start")

start=$(date +%s.%N)
"$zerogo" worker --store "$url" --threads "$threads" --games "$games" --name one >"$work/one.out" 2>"$work/one.err"
one_s=$(elapsed "$start")

start=$(date +%s.%N)
"$zerogo" worker --store "$url" --threads "$threads" --games $((games / 2)) --name two-a >"$work/two-a.out" 2>"$work/two-a.err" &
a=$!
"$zerogo" worker --store "$url" --threads "$threads" --games $((games / 2)) --name two-b >"$work/two-b.out" 2>"$work/two-b.err"
wait "$a"
two_s=$(elapsed "$start")

echo "in-process selfplay: $games games in ${local_s%.*} s: $(rate "$games" "$local_s") games/h"
echo "1 worker:            $(grep -c '^uploaded ' "$work/one.out") games in ${one_s%.*} s: $(rate "$games" "$one_s") games/h"
echo "2 workers:           $(cat "$work"/two-*.out | grep -c '^uploaded ') games in ${two_s%.*} s: $(rate "$games" "$two_s") games/h"
"$zerogo" store status --store "$url" | tail -1
