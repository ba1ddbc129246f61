#!/usr/bin/env bash
# Lists the package cycles among io.posegate packages of the compiled modules (run after a build, e.g.
# mvn -q install -DskipTests). Prints each strongly connected group of packages that depend on each other;
# exits 1 if there is any. Uses the JDK's jdeps on */target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=$(ls -d */target/classes 2>/dev/null)
[ -n "$dirs" ] || { echo "no */target/classes: build first" >&2; exit 2; }
# shellcheck disable=SC2086
jdeps -verbose:package -filter:none $dirs 2>/dev/null \
  | awk '$1 ~ /^io\.posegate/ && $2 == "->" && $3 ~ /^io\.posegate/ && $1 != $3 {print $1, $3}' | sort -u \
  | python3 -c '
import sys, collections
g = collections.defaultdict(set)
for line in sys.stdin:
    a, b = line.split()
    g[a].add(b)
index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
def scc(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in g[v]:
        if w not in index:
            scc(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: out.append(sorted(comp))
sys.setrecursionlimit(10000)
for v in list(g):
    if v not in index: scc(v)
for c in sorted(out):
    print("cycle:", " <-> ".join(c))
    for a in c:
        for b in sorted(g[a] & set(c)):
            print("   ", a, "->", b)
print(len(out), "package cycle(s)")
sys.exit(1 if out else 0)
'
