#!/usr/bin/env bash
# Run a scenario as N shards on this machine and merge them: the same steps
# a Slurm array or a Kubernetes Indexed Job takes, for trying them out.
#   deploy/local-shards.sh baseline 30 3
set -euo pipefail
scenario=${1:-baseline}; reps=${2:-30}; n=${3:-3}
bin=${SPSIM:-./spsim}
dir=$(mktemp -d)
for i in $(seq 1 "$n"); do
  "$bin" run "$scenario" --replications "$reps" --shard "$i/$n" -o "$dir/shard-$i" --quiet
done
"$bin" merge "$dir"/shard-* -o "$dir/merged" --quiet
echo "merged outputs in $dir/merged"
