#!/usr/bin/python3
"""RandomForest (500 trees) on RDKit Morgan r2/2048 bit vectors: the peer baseline for `molscreen train`.

Reads the split that MolScreen wrote (model directory's split.csv: row,smiles,scaffold,split; `row` is
the 0-based data row of the training CSV) so both methods see identical train/test compounds. The forest
fits on train + validation (it needs no early stopping) and is scored on test. Each target of a
multi-task set gets its own forest on its labelled rows. Prints one JSON object: {output: {metric: value}}.

Equal-features mode (--inputs INPUTS.csv, written by `MolScreen.Bench forest-inputs`): the forest sees exactly our
models' inputs (ECFP4 2048 bits + the 11 featurize descriptors of FeatureSpec, computed by MolScreen) instead of
RDKit Morgan bits, and max_features is chosen per target from --grid on the validation part (fit on train, scored on
validation), then the forest is refit on train + validation with that choice and scored on test.

usage: sklearn_rf_baseline.py DATA.csv SMILES_COLUMN TARGETS(comma) regression|classification SPLIT.csv [SEED]
                              [--inputs INPUTS.csv --grid sqrt,0.33,1.0] [--jobs N]
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


def option(argv, name, default):
    if name in argv:
        i = argv.index(name)
        value = argv[i + 1]
        del argv[i:i + 2]
        return value
    return default


def our_inputs(path):
    """row -> ECFP4 bits followed by the descriptors, as MolScreen's models see them (unscaled: trees need no scaling)."""
    out = {}
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        for rec in reader:
            x = np.zeros(2048 + len(header) - 2, dtype=np.float32)
            if rec[1]:
                x[[int(b) for b in rec[1].split(" ")]] = 1
            x[2048:] = [float(v) for v in rec[2:]]
            out[int(rec[0])] = x
    return out


def max_features_value(text):
    return text if text in ("sqrt", "log2") else float(text)


def score(task, model, X, y):
    if task == "regression":
        return float(np.sqrt(np.mean((model.predict(X) - y) ** 2)))
    prob = model.predict_proba(X)[:, list(model.classes_).index(1)]
    labels = y.astype(int)
    return float(roc_auc_score(labels, prob)) if 0 < labels.sum() < len(labels) else None


def forest(task, max_features, seed, jobs):
    if task == "regression":
        return RandomForestRegressor(n_estimators=500, max_features=max_features, n_jobs=jobs, random_state=seed)
    return RandomForestClassifier(n_estimators=500, max_features=max_features, n_jobs=jobs, random_state=seed)


def equal_features(X, Y, part, targets, task, grid, seed, jobs):
    train, val, fit, test = part == "train", part == "validation", part != "test", part == "test"
    out = {}
    for j, name in enumerate(targets):
        y = Y[:, j]
        lab = ~np.isnan(y)
        tried = {}
        for g in grid:
            m = forest(task, max_features_value(g), seed, jobs)
            yt = y[train & lab]
            m.fit(X[train & lab], yt if task == "regression" else yt.astype(int))
            tried[g] = score(task, m, X[val & lab], y[val & lab])
        valid = {g: v for g, v in tried.items() if v is not None}
        best = (min if task == "regression" else max)(valid, key=lambda g: (valid[g], grid.index(g))) if valid else grid[0]
        m = forest(task, max_features_value(best), seed, jobs)
        yf = y[fit & lab]
        m.fit(X[fit & lab], yf if task == "regression" else yf.astype(int))
        metric = "rmse" if task == "regression" else "roc_auc"
        out[name] = {"n": int((test & lab).sum()), metric: score(task, m, X[test & lab], y[test & lab]),
                     "max_features": best, "validation": tried}
    return out


def main():
    argv = sys.argv[1:]
    inputs_path = option(argv, "--inputs", None)
    grid = option(argv, "--grid", "sqrt,0.33,1.0").split(",")
    jobs = int(option(argv, "--jobs", "2"))
    data, smiles_col, targets, task, split_path = argv[0:5]
    seed = int(argv[5]) if len(argv) > 5 else 0
    targets = targets.split(",")
    with open(data, newline="") as f:
        rows = list(csv.DictReader(f))
    with open(split_path, newline="") as f:
        split = {int(r["row"]): (r["split"], r["smiles"]) for r in csv.DictReader(f)}
    ours = our_inputs(inputs_path) if inputs_path else None
    X, Y, part = [], [], []
    for row, (p, canonical) in sorted(split.items()):
        if ours is not None:
            X.append(ours[row])
            Y.append([float(rows[row][t]) if rows[row][t].strip() != "" else math.nan for t in targets])
            part.append(p)
            continue
        fp = morgan(rows[row][smiles_col].strip())
        if fp is None:  # RDKit rejects what OpenBabel read: use MolScreen's canonical SMILES of the same row
            fp = morgan(canonical)
        if fp is None:
            continue
        X.append(fp)
        Y.append([float(rows[row][t]) if rows[row][t].strip() != "" else math.nan for t in targets])
        part.append(p)
    X, Y, part = np.array(X), np.array(Y), np.array(part)
    if ours is not None:
        print(json.dumps(equal_features(X, Y, part, targets, task, grid, seed, jobs)))
        return
    fit = part != "test"
    test = part == "test"
    out = {}
    for j, t in enumerate(targets):
        name = t
        yf, yt = Y[fit, j], Y[test, j]
        mf, mt = ~np.isnan(yf), ~np.isnan(yt)
        if task == "regression":
            # max_features="sqrt" (the classifier's default) rather than the regressor's 1.0, whose cost on 2048 bits
            # is far higher; the equal-features mode (--inputs) chooses max_features on the validation part instead.
            model = RandomForestRegressor(n_estimators=500, max_features="sqrt", n_jobs=jobs, random_state=seed)
            model.fit(X[fit][mf], yf[mf])
            pred = model.predict(X[test][mt])
            out[name] = {"n": int(mt.sum()), "rmse": float(np.sqrt(np.mean((pred - yt[mt]) ** 2)))}
        else:
            model = RandomForestClassifier(n_estimators=500, n_jobs=jobs, random_state=seed)
            model.fit(X[fit][mf], yf[mf].astype(int))
            prob = model.predict_proba(X[test][mt])[:, list(model.classes_).index(1)]
            labels = yt[mt].astype(int)
            auc = float(roc_auc_score(labels, prob)) if 0 < labels.sum() < len(labels) else None
            out[name] = {"n": int(mt.sum()), "roc_auc": auc}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
