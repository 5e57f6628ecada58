#!/usr/bin/env bash
# Writes the `files` map (file name -> SHA-256) into each property model's model.json from the files now in its
# directory: the ensemble members and the applicability-domain file. `molscreen train` writes the map itself; this
# script brings older model directories up to date without retraining (predict checks the map when it loads a model).
# Usage: datasets/rehash-models.sh [MODEL_DIR_OR_FOLDER ...]   (default: datasets/models)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -gt 0 ]] || set -- "$root/datasets/models"
python3 - "$@" <<'PY'
import hashlib, json, os, sys

def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 16), b''):
            h.update(block)
    return h.hexdigest()

def rehash(d):
    path = os.path.join(d, 'model.json')
    with open(path, encoding='utf-8') as f:
        m = json.load(f)
    if 'feature_spec' not in m:
        return  # not a property model (the RNA models keep their weights inside model.json)
    names = list(dict.fromkeys(m['members'] + [m['applicability_domain']['file']]))
    for n in names:
        if os.path.basename(n) != n:
            sys.exit(f'{path}: file name {n!r} is not a plain name')
    m['files'] = {n: sha256(os.path.join(d, n)) for n in sorted(names)}
    tmp = path + '.tmp'
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(m, f, indent=2, ensure_ascii=False)
    os.replace(tmp, path)
    print(f'{d}: {len(names)} file(s) hashed')

for arg in sys.argv[1:]:
    if os.path.isfile(os.path.join(arg, 'model.json')):
        rehash(arg)
    else:
        for sub in sorted(os.listdir(arg)):
            if os.path.isfile(os.path.join(arg, sub, 'model.json')):
                rehash(os.path.join(arg, sub))
PY
