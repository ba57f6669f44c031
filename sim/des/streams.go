package des

import (
	"hash/fnv"

	"github.com/spsim/spsim/sim/rng"
)

// Streams hands out independent random number generators, one per named
// random process, seeded from (scenario seed, replication, name). Because a
// stream depends only on its own name, adding a process to a model leaves
// every other process's draws unchanged; two scenarios run with the same
// seed therefore share common random numbers stream by stream.
type Streams struct {
	Seed        uint64
	Replication int
}

// Get returns the generator for the named process. Each call returns a new
// generator starting from the beginning of that stream.
func (s Streams) Get(name string) *rng.Rand {
	h := fnv.New64a()
	h.Write([]byte(name))
	k := h.Sum64()
	a := splitmix(s.Seed ^ splitmix(uint64(s.Replication)+0x9e3779b97f4a7c15))
	return rng.New(splitmix(a^k), splitmix(k+a+1))
}

// splitmix is the SplitMix64 finaliser: it spreads nearby integers (seeds
// 1, 2, 3...) into unrelated 64-bit states.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
