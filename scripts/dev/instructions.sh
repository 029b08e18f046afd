#!/usr/bin/env bash
# The instructions a run of the CLI executes, counted by valgrind: the same to 0.1–0.3% from run to
# run, now and then 1% (when V8 optimizes which function still varies a little), where timings on a
# shared 2-core machine vary by ±20% — for telling a 1–5% change in the batch check apart from noise
# (a change under 1%: count each build several times, alternating). V8 runs single-threaded (its optimizing compiler and garbage collector on the
# thread that uses them), so the count includes compiling; one worker (--jobs 1), as each of a run's
# workers does its share. Memory stalls and the kernel's time are not counted: confirm a change with
# timings (`npm run bench`) too.
#
#   scripts/dev/instructions.sh FOLDER [CLI options...]     e.g. a 1 000-report folder: ~1 min
#   CLI=/other/checkout/dist/cli.js scripts/dev/instructions.sh FOLDER   (the same for another build)
#
# Needs valgrind (Debian: apt-get install valgrind).
set -euo pipefail
dir=${1:?usage: instructions.sh FOLDER [CLI options...]}
shift
cli=${CLI:-$(cd "$(dirname "$0")/../.." && pwd)/dist/cli.js}
valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
  node --single-threaded "$cli" --jobs 1 --format json --exit-zero "$@" "$dir" 2>&1 >/dev/null |
  awk '/I +refs:/ { gsub(",", "", $4); printf "%.3f G instructions\n", $4 / 1e9 }'
