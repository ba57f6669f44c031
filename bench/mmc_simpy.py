"""The M/M/c anchor in SimPy: lambda = 9, mu = 1, c = 10 (per week), the
same queue as spsim's mmc scenario. Prints customers served and their mean
wait, which Erlang C puts at 0.6687 weeks.

usage: python3 mmc_simpy.py WEEKS [SEED]
"""
import random
import sys

import simpy

LAMBDA, MU, C = 9.0, 1.0, 10


def main():
    weeks = float(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=C)
    stats = {"served": 0, "waited": 0.0}

    def customer():
        arrived = env.now
        with servers.request() as req:
            yield req
            stats["waited"] += env.now - arrived
            stats["served"] += 1
            yield env.timeout(rng.expovariate(MU))

    def arrivals():
        while True:
            yield env.timeout(rng.expovariate(LAMBDA))
            env.process(customer())

    env.process(arrivals())
    env.run(until=weeks)
    print(f"served {stats['served']} mean wait {stats['waited'] / stats['served']:.4f} weeks")


if __name__ == "__main__":
    main()
