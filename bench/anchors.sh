#!/usr/bin/env bash
# The anchor benchmark: the same M/M/c queue (lambda 9, mu 1, c 10 a week;
# 200,200 weeks, about 1.8M customers) in SimPy and in spsim, in alternating
# runs, and the ratio of their times. spsim runs it as 77 replications of its
# mmc scenario (2,600 weeks each, the longest it allows) on one core; SimPy
# as one long run. Run from the repository root:
#
#     make bench-anchors            # or: ROUNDS=5 bench/anchors.sh
#
# spsim is timed four ways: the whole process with every default output
# (`spsim run`: weekly.csv alone is 200,200 rows), the whole process writing
# only the summary (`--outputs summary`), the same on two cores (`--jobs 2`:
# a wall-time figure, as a user waits; SimPy has one core), and the simulation alone
# (sim.BenchmarkMMcAnchor, the same 77 replications). Each round also runs the
# model's and the kernel's M/M/c benchmarks, and the script prints the model's
# event rate as a share of the kernel's. Times are CPU seconds (user + system),
# which a shared machine disturbs less than wall time; wall time is shown
# too. SimPy comes from the distribution (python3-simpy3) if it is missing.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
REPS=77
WEEKS=$((REPS * 2600))
PY=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$PY" -c 'import simpy' 2>/dev/null; then
	echo "SimPy missing: installing python3-simpy3" >&2
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	$sudo apt-get install -y -q python3-simpy3 >&2
fi
simpy_version=$("$PY" -c 'import simpy; print(simpy.__version__)')

cd "$root"
go build -o "$work/spsim" ./cmd/spsim
go test -c -pgo="$root/cmd/spsim/default.pgo" -o "$work/sim.test" ./sim/  # as go build optimises the binary
go test -c -pgo="$root/cmd/spsim/default.pgo" -o "$work/des.test" ./sim/des/

# rate LABEL BIN BENCH: appends "LABEL events-per-CPU-second" to $work/rates.
rate() {
	GODEBUG=asyncpreemptoff=1 "$2" -test.run '^$' -test.bench "$3" -test.benchtime 1s -test.cpu 1 |
		awk -v l="$1" '/^Benchmark/ { for (i = 1; i <= NF; i++) if ($i == "events/cpu-s") print l, $(i - 1) }' >>"$work/rates"
}

# timed LABEL CMD...: appends "LABEL cpu wall" to $work/times.
timed() {
	local label=$1
	shift
	/usr/bin/time -f "$label %U %S %e" -o "$work/t" "$@" >"$work/out" 2>&1 || {
		cat "$work/out" >&2
		exit 1
	}
	awk '{printf "%s %.3f %.3f\n", $1, $2 + $3, $4}' "$work/t" >>"$work/times"
}

for r in $(seq "$ROUNDS"); do
	echo "round $r of $ROUNDS" >&2
	timed simpy "$PY" "$here/mmc_simpy.py" "$WEEKS"
	[ "$r" -eq 1 ] && echo "  SimPy: $(cat "$work/out")" >&2
	timed spsim_whole "$work/spsim" run mmc --replications "$REPS" --jobs 1 -o "$work/out-run" --force --quiet
	timed spsim_summary "$work/spsim" run mmc --replications "$REPS" --jobs 1 -o "$work/out-sum" --force --quiet --outputs summary
	timed spsim_summary2 "$work/spsim" run mmc --replications "$REPS" --jobs 2 -o "$work/out-sum2" --force --quiet --outputs summary
	timed spsim_sim "$work/sim.test" -test.run '^$' -test.bench '^BenchmarkMMcAnchor$' -test.benchtime 1x
	# The model's event rate against the kernel's, on the same M/M/c.
	rate model "$work/sim.test" '^BenchmarkMMc$'
	rate kernel "$work/des.test" '^BenchmarkKernelMMc$'
	[ "$r" -eq 1 ] && echo "  spsim: $(grep -o '[0-9]* customers/op' "$work/out" || true)" >&2
done

cmp "$work/out-sum/summary.csv" "$work/out-sum2/summary.csv" # the same answer on either core count

echo "M/M/c, lambda 9, mu 1, c 10, $WEEKS weeks (~1.8M customers), $ROUNDS alternating rounds"
echo "SimPy $simpy_version ($("$PY" --version 2>&1)), $(go version | cut -d' ' -f3), $(nproc) cores"
python3 - "$work/times" "$work/rates" <<'PY'
import sys, collections
cpu, wall = collections.defaultdict(list), collections.defaultdict(list)
for line in open(sys.argv[1]):
    k, c, w = line.split()
    cpu[k].append(float(c)); wall[k].append(float(w))
def med(a):
    a = sorted(a); n = len(a)
    return a[n // 2] if n % 2 else (a[n // 2 - 1] + a[n // 2]) / 2
def show(a):
    return f"{med(a):7.2f} s [{min(a):.2f}-{max(a):.2f}]"
names = {"simpy": "SimPy", "spsim_whole": "spsim run, default outputs", "spsim_summary": "spsim run, --outputs summary",
         "spsim_summary2": "the same on 2 cores", "spsim_sim": "spsim simulation alone"}
print(f"{'':28s} {'CPU, median [min-max]':>26s}   {'wall, median [min-max]':>26s}")
for k in ("simpy", "spsim_whole", "spsim_summary", "spsim_summary2", "spsim_sim"):
    print(f"{names[k]:28s} {show(cpu[k]):>26s}   {show(wall[k]):>26s}")
for k in ("spsim_whole", "spsim_summary", "spsim_sim"):
    print(f"SimPy / {names[k]}: {med(cpu['simpy']) / med(cpu[k]):.1f}x CPU, {med(wall['simpy']) / med(wall[k]):.1f}x wall")
print(f"SimPy (one core) / spsim run --outputs summary on 2 cores: {med(wall['simpy']) / med(wall['spsim_summary2']):.1f}x wall")
rates = [line.split() for line in open(sys.argv[2])]
model = [float(v) for k, v in rates if k == "model"]
kernel = [float(v) for k, v in rates if k == "kernel"]
ratio = [m / k for m, k in zip(model, kernel)]
print(f"model (sim.BenchmarkMMc) {med(model) / 1e6:.2f}M events/CPU-s, kernel (des.BenchmarkKernelMMc) {med(kernel) / 1e6:.2f}M:"
      f" the model at {med(ratio):.3f} of the kernel's rate [{min(ratio):.3f}-{max(ratio):.3f}], paired by round")
PY
