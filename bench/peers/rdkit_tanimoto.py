"""Peer for MolScreen's Tanimoto benchmark: RDKit's BulkTanimotoSimilarity (C++) on the same packed
2048-bit fingerprints. argv: library file (N x 256 bytes, bit i = byte i/8, bit i%8 LSB-first),
query file (same layout). Prints 'rdkit <comparisons> <seconds> <cpu seconds>' for the search loop alone (building the
ExplicitBitVects is not timed); the CPU time is what the process was given, which on a shared machine
is the fairer per-core figure. Run with Debian's /usr/bin/python3."""
import sys
import time

from rdkit import DataStructs


def load(path):
    data = open(path, "rb").read()
    fps = []
    for off in range(0, len(data), 256):
        bv = DataStructs.ExplicitBitVect(2048)
        on = [i for i in range(2048) if data[off + (i >> 3)] >> (i & 7) & 1]
        bv.SetBitsFromList(on)
        fps.append(bv)
    return fps


library = load(sys.argv[1])
queries = load(sys.argv[2])
start, cpu = time.perf_counter(), time.process_time()
for q in queries:
    DataStructs.BulkTanimotoSimilarity(q, library)
print(f"rdkit {len(library) * len(queries)} {time.perf_counter() - start:.4f} {time.process_time() - cpu:.4f}")
