#!/usr/bin/env bash
# The nightly batch of one business day, over a ledger directory, with the `ledger` command (docs/cli.md):
#
#   1. post every events file of the day (*.jsonl in INBOX, in name order), with a results file per input
#   2. run the expiry sweep as of the next local midnight
#   3. close the day's clearing cycle at the next local midnight and keep its files
#   4. reconcile every channel bill of the day (<channel>-bill.csv in INBOX)
#   5. audit the journal
#   6. archive the day: its inputs, every output and a copy of the ledger directory, as one tar.gz
#   7. print what needs a person
#
# Usage: nightly.sh [--init RULES.yaml] LEDGER_DIR DAY INBOX OUTDIR
#
#   --init RULES   create LEDGER_DIR with these rules if it does not exist (a first run); without it a missing
#                  ledger is an error, so a mistyped path never starts a new, empty ledger
#   DAY            the business day, YYYY-MM-DD, in the alliance's time zone
#   INBOX          the day's files: events (*.jsonl) and channel bills (<channel>-bill.csv)
#   OUTDIR         where the day's outputs go (created if missing); use one per day
#
# Environment: LEDGER (the launcher; default: bin/ledger of this repository), NIGHTLY_UTC_OFFSET (default +08:00,
# the alliance's offset: Asia/Shanghai has no daylight saving), NIGHTLY_AUDIT_CHECK_EVERY (default 100000).
#
# Exit codes:
#   0  the batch finished and nothing needs a person
#   1  the batch finished, but something needs a person: rejected event lines, reconciliation differences, a
#      missing bill, audit violations, cycle files that differ from an earlier run's; listed at the end and in
#      OUTDIR/needs-a-person.txt
#   2  unusable arguments or input, or a step refused its input (the ledger's exit 2): the batch stopped there
#   3  a step failed (the ledger's files or engine, I/O, a crash; the ledger's exit 3 or anything unexpected):
#      the batch stopped there
# A stopped batch names the step on stderr. Every step is safe to repeat, so after fixing the cause run the
# same command again: posting is idempotent, the expiry sweep and the close of the same midnight report what
# was done before, and the reports, audit and archive are written afresh.
set -Eeuo pipefail
# Anything else that fails (mkdir, cp, tar on a full disk...) stops the batch as a failed step: exit 3, named.
trap 'echo "nightly: STOPPED: unexpected failure (exit $?) at line $LINENO: $BASH_COMMAND" >&2; exit 3' ERR

usage() {
  sed -n '12,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ledger="${LEDGER:-$here/../../bin/ledger}"
offset="${NIGHTLY_UTC_OFFSET:-+08:00}"
# A full invariant check costs O(state), so checking after every command is quadratic in the journal's length;
# docs/cli.md measured N = 100,000 on a million commands (13.8 s). Checksums and the hash chain are still
# verified for every record.
check_every="${NIGHTLY_AUDIT_CHECK_EVERY:-100000}"

init_rules=""
while [ $# -gt 0 ]; do
  case "$1" in
    --init) [ $# -ge 2 ] || { echo "nightly: --init needs a rules file" >&2; exit 2; }
            init_rules="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    -*) echo "nightly: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 4 ]; then
  usage >&2
  exit 2
fi
ledger_dir="$1" day="$2" inbox="$3" out="$4"

# The next calendar day, with GNU date or BSD date; either also refuses impossible dates such as 2026-02-30.
next_day() {
  date -u -d "$1 + 1 day" +%F 2>/dev/null || date -u -j -v+1d -f %F "$1" +%F 2>/dev/null
}
if ! [[ "$day" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! next="$(next_day "$day")"; then
  echo "nightly: DAY must be a date YYYY-MM-DD, not '$day'" >&2
  exit 2
fi
day_start="${day}T00:00:00${offset}"
through="${next}T00:00:00${offset}"   # operators close at local midnight (docs/cli.md, ledger clear)

if [ ! -x "$ledger" ]; then
  echo "nightly: no ledger launcher at $ledger; build it (./mvnw -B -q package -DskipTests) or set LEDGER" >&2
  exit 2
fi
if [ ! -d "$inbox" ]; then
  echo "nightly: inbox $inbox is not a directory" >&2
  exit 2
fi
if [ ! -e "$ledger_dir" ] && [ -z "$init_rules" ]; then
  echo "nightly: $ledger_dir does not exist; pass --init RULES.yaml to create a new ledger there" >&2
  exit 2
fi

mkdir -p "$out"
work="$(mktemp -d "${TMPDIR:-/tmp}/nightly.XXXXXX")"
trap 'rm -rf "$work" "$out/.archive.tmp" "$out/.nightly-$day.tar.gz.tmp"' EXIT

# Reports, results and the audit are re-derived on every run; clearing them first means a stopped rerun never
# leaves an earlier run's files looking like its own. The cycle's files and the archive are handled below.
rm -rf "$out/post" "$out/reconcile" "$out/audit.txt" "$out/needs-a-person.txt"
mkdir -p "$out/post" "$out/reconcile"

needs=()          # one line per thing a person must look at
need() { needs+=("$1"); }

# Runs one ledger command, shows its output indented and leaves its exit code in $rc (set -e must not end the
# batch on the ledger's exit 1, which means "finished, but look at this"). Its stdout stays in $work/stdout.
run_ledger() {
  rc=0
  "$ledger" "$@" >"$work/stdout" 2>"$work/stderr" </dev/null || rc=$?
  sed 's/^/    /' "$work/stdout"
  sed 's/^/    /' "$work/stderr" >&2
}

# Ends the batch after a failed step, with the ledger's exit code when it is a documented failure (2 bad input,
# 3 files or engine) and 3 for anything else (a crash, a killed JVM, an exit 1 where none is documented).
stop() {
  local code="$2"
  case "$code" in 2|3) ;; *) code=3 ;; esac
  echo "nightly $day: STOPPED at step '$1' (ledger exit $2); the later steps did not run." >&2
  echo "  Fix the cause and run the same command again: every step is safe to repeat. Exit $code." >&2
  exit "$code"
}

echo "nightly $day: ledger $ledger_dir, inbox $inbox, out $out"

if [ ! -e "$ledger_dir" ]; then
  echo "== init (new ledger) with $init_rules"
  run_ledger init "$ledger_dir" --rules "$init_rules"
  [ "$rc" -eq 0 ] || stop init "$rc"
fi

# 1. Post. Files go in name order and times may not go backwards within a ledger, so name the day's files so
# that their times ascend (e.g. by the hour each was cut).
events=()
while IFS= read -r f; do events+=("$f"); done < <(find "$inbox" -maxdepth 1 -type f -name '*.jsonl' | LC_ALL=C sort)
if [ "${#events[@]}" -eq 0 ]; then
  need "post: no events files (*.jsonl) in $inbox: a business day without events is unusual"
fi
for f in ${events[@]+"${events[@]}"}; do
  name="$(basename "$f" .jsonl)"
  results="$out/post/$name.results.jsonl"
  echo "== post $(basename "$f")"
  run_ledger post "$ledger_dir" "$f" --results "$results" --no-progress
  case "$rc" in
    0) ;;
    1) # the ledger rejected lines (business rules) or could not read them (malformed); the rest was applied
       n="$(grep -c -v -E '"result":"(CREATED|EXISTS)"' "$results" || true)"
       need "post $(basename "$f"): $n line(s) rejected or malformed (the first 10 below; all in $results):"
       while IFS= read -r line; do need "    $line"; done < <(grep -v -E '"result":"(CREATED|EXISTS)"' "$results" | head -n 10)
       ;;
    *) stop "post $(basename "$f")" "$rc" ;;
  esac
done

# 2. Expiry. `clear` sweeps inside the cycle too; sweeping first as a step of its own shows the sweep and
# separates its failure from the close's. Repeating it as of the same time finds nothing more to do.
echo "== expire --at $through"
run_ledger expire "$ledger_dir" --at "$through"
[ "$rc" -eq 0 ] || stop expire "$rc"

# 3. Close the cycle through the next local midnight. `clear` refuses an --out that already holds a
# settlement.csv, and closing the same midnight again only reports the cycle closed before, with byte-identical
# files. So the files go to a fresh directory first and become OUTDIR/cycle once they are complete; on a rerun
# they are compared with the first run's, which are kept: a difference means those files were changed since.
echo "== clear --through $through"
cycle="$out/cycle"
fresh="$out/cycle.new"
rm -rf "$fresh"        # left by a run that stopped during the close
run_ledger clear "$ledger_dir" --through "$through" --out "$fresh"
[ "$rc" -eq 0 ] || stop clear "$rc"
if [ -d "$cycle" ]; then
  differing=""
  for f in settlement.csv statements.jsonl operator-result.csv; do
    cmp -s "$fresh/$f" "$cycle/$f" || differing="$differing $f"
  done
  if [ -z "$differing" ]; then
    rm -rf "$fresh"
    echo "    the cycle was closed by an earlier run; its files in $cycle are identical to the ledger's, kept"
  else
    kept="$out/cycle.rerun-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$fresh" "$kept"
    need "clear: $cycle/{${differing# }} differ from the ledger's files for the same cycle, written to $kept"
  fi
else
  mv "$fresh" "$cycle"
  echo "    complete: moved to $cycle"
fi

# 4. Reconcile every bill of the day, over exactly the day: a bill of a quiet day (no transactions) is still
# checked, and the day's ledger transactions missing from the bill are found whatever times the bill shows.
bills=()
while IFS= read -r f; do bills+=("$f"); done < <(find "$inbox" -maxdepth 1 -type f -name '*-bill.csv' | LC_ALL=C sort)
billed=" "
for f in ${bills[@]+"${bills[@]}"}; do
  channel="$(basename "$f" -bill.csv)"
  billed="$billed$channel "
  report="$out/reconcile/$channel-report.csv"
  echo "== reconcile $channel"
  run_ledger reconcile "$ledger_dir" --channel "$channel" --file "$f" --out "$report" --from "$day_start" --to "$through"
  case "$rc" in
    0) ;;
    1) need "reconcile $channel: differences (the first 20 below; all in $report):"
       while IFS= read -r line; do need "    $line"; done < <(awk -F, -v ch="$channel" 'NR > 1 && $1 != "MATCHED" {
           printf "%s %s %s: bill %s, ledger %s, difference %s (store %s, operation %s)\n",
             ch, $1, $2, ($3 == "" ? "-" : $3), ($4 == "" ? "-" : $4), ($5 == "" ? "-" : $5),
             ($8 == "" ? "-" : $8), ($9 == "" ? "-" : $9) }' "$report" | head -n 20)
       ;;
    *) stop "reconcile $channel" "$rc" ;;
  esac
done
# A channel that took payments in the cycle but sent no bill was not reconciled at all.
while IFS=, read -r channel sale refund; do
  case "$billed" in *" $channel "*) continue ;; esac
  if [ "$sale" != "0.00" ] || [ "$refund" != "0.00" ]; then
    need "reconcile $channel: no $channel-bill.csv in $inbox, but the cycle has $channel sales $sale, refunds $refund"
  fi
done < <(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
                  $2 == "CHANNEL" { print $1 "," $col["sale"] "," $col["sale_refund"] }' "$cycle/settlement.csv")

# 5. Audit the whole journal, read-only: checksums, hash chain, replay, invariants.
echo "== audit --check-every $check_every"
run_ledger audit "$ledger_dir" --check-every "$check_every"
cp "$work/stdout" "$out/audit.txt"
case "$rc" in
  0) ;;
  1) need "audit: the journal failed its audit; $out/audit.txt:"
     while IFS= read -r line; do need "    $line"; done < <(grep -E 'VIOLATION|ERROR|result:' "$out/audit.txt" | head -n 20)
     ;;
  *) stop audit "$rc" ;;
esac

if [ "${#needs[@]}" -eq 0 ]; then : >"$out/needs-a-person.txt"; else printf '%s\n' "${needs[@]}" >"$out/needs-a-person.txt"; fi

# 6. Archive: the day's inputs, every output, and a copy of the ledger directory. docs/operations.md: a stopped
# ledger is backed up by copying its directory, and each ledger command has closed the ledger when it exits (this
# batch must be its only user while it runs). Journal files are never moved or deleted here: operations.md
# allows moving old cycle files only behind a snapshot, which the ledger command does not take. The lock file is
# left out so that a restored copy opens like the original. Written under a temporary name, then renamed, so an
# interrupted run never leaves half an archive under the real name.
echo "== archive"
stage="$out/.archive.tmp/nightly-$day"
rm -rf "$out/.archive.tmp"
mkdir -p "$stage/inbox"
for f in ${events[@]+"${events[@]}"} ${bills[@]+"${bills[@]}"}; do cp -p "$f" "$stage/inbox/"; done
cp -Rp "$out/post" "$out/reconcile" "$cycle" "$out/audit.txt" "$out/needs-a-person.txt" "$stage/"
cp -Rp "$ledger_dir" "$stage/ledger"
rm -f "$stage/ledger/journal.lock"
archive="$out/nightly-$day.tar.gz"
tar -czf "$out/.nightly-$day.tar.gz.tmp" -C "$out/.archive.tmp" "nightly-$day"
mv "$out/.nightly-$day.tar.gz.tmp" "$archive"
rm -rf "$out/.archive.tmp"
echo "    $archive ($(du -k "$archive" | cut -f1) KiB): inbox/, post/, cycle/, reconcile/, audit.txt, needs-a-person.txt, ledger/"

# 7. What needs a person.
echo
if [ "${#needs[@]}" -eq 0 ]; then
  echo "nightly $day: finished; nothing needs a person."
  exit 0
fi
echo "nightly $day: finished; needs a person (also in $out/needs-a-person.txt):"
printf '  %s\n' "${needs[@]}"
exit 1
