#!/usr/bin/python3
"""RandomForest (500 trees) on RDKit Morgan r2/2048 bit vectors: the peer baseline for `molscreen train`.

Reads the split that MolScreen wrote (model directory's split.csv: row,smiles,scaffold,split; `row` is
the 0-based data row of the training CSV) so both methods see identical train/test compounds. The forest
fits on train + validation (it needs no early stopping) and is scored on test. Each target of a
multi-task set gets its own forest on its labelled rows. Prints one JSON object: {output: {metric: value}}.

usage: sklearn_rf_baseline.py DATA.csv SMILES_COLUMN TARGETS(comma) regression|classification SPLIT.csv [SEED]
Run with Debian's /usr/bin/python3 (python3-rdkit, python3-sklearn).
"""
import csv
import json
import math
import sys

import numpy as np
from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import roc_auc_score

RDLogger.DisableLog("rdApp.*")


def morgan(smiles):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return None
    fp = AllChem.GetMorganFingerprintAsBitVect(mol, 2, nBits=2048)
    arr = np.zeros((2048,), dtype=np.uint8)
    from rdkit import DataStructs
    DataStructs.ConvertToNumpyArray(fp, arr)
    return arr


def main():
    data, smiles_col, targets, task, split_path = sys.argv[1:6]
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    targets = targets.split(",")
    with open(data, newline="") as f:
        rows = list(csv.DictReader(f))
    with open(split_path, newline="") as f:
        split = {int(r["row"]): (r["split"], r["smiles"]) for r in csv.DictReader(f)}
    X, Y, part = [], [], []
    for row, (p, canonical) in sorted(split.items()):
        fp = morgan(rows[row][smiles_col].strip())
        if fp is None:  # RDKit rejects what OpenBabel read: use MolScreen's canonical SMILES of the same row
            fp = morgan(canonical)
        if fp is None:
            continue
        X.append(fp)
        Y.append([float(rows[row][t]) if rows[row][t].strip() != "" else math.nan for t in targets])
        part.append(p)
    X, Y, part = np.array(X), np.array(Y), np.array(part)
    fit = part != "test"
    test = part == "test"
    out = {}
    for j, t in enumerate(targets):
        name = t
        yf, yt = Y[fit, j], Y[test, j]
        mf, mt = ~np.isnan(yf), ~np.isnan(yt)
        if task == "regression":
            # max_features="sqrt" (the classifier's default) rather than the regressor's 1.0: on 2048 bits the
            # default costs ~20x the time on our 2 cores; it is somewhat stronger (docs/benchmarks.md gives both).
            model = RandomForestRegressor(n_estimators=500, max_features="sqrt", n_jobs=2, random_state=seed)
            model.fit(X[fit][mf], yf[mf])
            pred = model.predict(X[test][mt])
            out[name] = {"n": int(mt.sum()), "rmse": float(np.sqrt(np.mean((pred - yt[mt]) ** 2)))}
        else:
            model = RandomForestClassifier(n_estimators=500, n_jobs=2, random_state=seed)
            model.fit(X[fit][mf], yf[mf].astype(int))
            prob = model.predict_proba(X[test][mt])[:, list(model.classes_).index(1)]
            labels = yt[mt].astype(int)
            auc = float(roc_auc_score(labels, prob)) if 0 < labels.sum() < len(labels) else None
            out[name] = {"n": int(mt.sum()), "roc_auc": auc}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
