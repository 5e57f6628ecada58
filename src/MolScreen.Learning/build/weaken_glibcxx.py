#!/usr/bin/env python3
"""Marks GLIBCXX version needs newer than the system's libstdc++ as weak in an ELF file, in place.

libLibTorchSharp.so (TorchSharp 0.107.0) was linked against GCC 13's libstdc++ and so declares a need for
GLIBCXX_3.4.32, which Debian 12 (GCC 12, up to 3.4.30) lacks; the only symbol bound to it,
_ZSt21ios_base_library_initv, is never called. A weak version need lets the dynamic loader accept the
library. Idempotent: an entry already weak is left alone. Usage: weaken_glibcxx.py FILE [VERSION...]
"""
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def weaken(path, versions):
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise SystemExit(f"{path}: not a little-endian 64-bit ELF file")
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        changed = []
        for sh in sections:
            if sh[1] != SHT_GNU_VERNEED:
                continue
            strtab_off = sections[sh[6]][4]
            entry = sh[4]
            for _ in range(sh[7]):  # sh_info = number of Verneed entries
                _, vn_cnt, _, vn_aux, vn_next = struct.unpack_from("<HHIII", data, entry)
                aux = entry + vn_aux
                for _ in range(vn_cnt):
                    _, flags, _, name_off, vna_next = struct.unpack_from("<IHHII", data, aux)
                    end = data.index(b"\0", strtab_off + name_off)
                    name = data[strtab_off + name_off:end].decode()
                    if name in versions and not flags & VER_FLG_WEAK:
                        struct.pack_into("<H", data, aux + 4, flags | VER_FLG_WEAK)
                        changed.append(name)
                    aux += vna_next
                entry += vn_next
        if changed:
            f.seek(0)
            f.write(data)
        return changed


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    names = set(sys.argv[2:]) or {"GLIBCXX_3.4.32", "GLIBCXX_3.4.31"}
    done = weaken(sys.argv[1], names)
    print(f"{sys.argv[1]}: weakened {', '.join(done)}" if done else f"{sys.argv[1]}: nothing to change")
