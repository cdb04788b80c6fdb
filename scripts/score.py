#!/usr/bin/env python3
"""An independent scorer for govx output, written from SPEC.md's rules.

    python3 scripts/score.py GOLD_DIR OUT_DIR

OUT_DIR must be a govx run written with --format jsonl (the standard
library reads no Parquet). Prints one JSON object:

    {"tables": {"quantities": {"precision": p, "recall": r, "f1": f,
                               "matched": m, "missed": n, "extra": e,
                               "fields": {"value": accuracy, ...}}, ...}}

It shares no code with the Go scorer (package eval); the test
TestEvalAgreesWithIndependentScorer runs both on the same run and requires
them to agree within 0.01 F1 per table. Standard library only.

Rules (SPEC.md, "Gold annotations"):
- Quantities, periods, entities: matched by article and exact text, as
  multisets; each gold item takes one unused prediction with that text.
- Indicators: by article, names that overlap (one contains the other) and
  periods that overlap (both null counts as overlapping); the first unused
  prediction that fits is taken.
- Precision, recall and F1 count matched, unmatched predicted and
  unmatched gold items.
- Field accuracy: over matched pairs, the fields the gold item gives except
  text, indicator, subject and evidence; numbers equal within a relative
  1e-6, a gold null equal only to a null.
"""

import glob
import json
import os
import sys

TABLES = ["quantities", "periods", "entities", "indicators"]
NOT_SCORED = {"text", "indicator", "subject", "evidence"}


def read_jsonl_table(out_dir, table):
    rows = []
    for path in sorted(glob.glob(os.path.join(out_dir, table, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rows.append(json.loads(line))
    return rows


def read_run(out_dir):
    """Returns {doc_id: {table: [row, ...]}} for the articles of the run."""
    with open(os.path.join(out_dir, "_manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    if manifest.get("options", {}).get("format") != "jsonl":
        sys.exit("score.py: %s was not written with --format jsonl" % out_dir)
    doc_of = {}
    run = {}
    for a in read_jsonl_table(out_dir, "articles"):
        doc_of[a["article_id"]] = a["doc_id"]
        run.setdefault(a["doc_id"], {t: [] for t in TABLES})
    for table in TABLES:
        for row in read_jsonl_table(out_dir, table):
            doc = doc_of.get(row["article_id"])
            if doc is not None:
                run[doc][table].append(row)
    return run


def same_value(gold, got):
    if gold is None:
        return got is None
    if isinstance(gold, bool) or isinstance(got, bool):
        return gold is got
    if isinstance(gold, (int, float)):
        if not isinstance(got, (int, float)):
            return False
        return abs(gold - got) <= 1e-6 * max(abs(gold), abs(got))
    return gold == got


def name_overlap(a, b):
    return bool(a) and bool(b) and (a in b or b in a)


def period_overlap(g, p):
    g_start, g_end = g.get("period_start"), g.get("period_end")
    p_start, p_end = p.get("period_start"), p.get("period_end")
    g_null = g_start is None and g_end is None
    p_null = p_start is None and p_end is None
    if g_null or p_null:
        return g_null and p_null
    # An open end runs without limit; ISO dates compare as strings.
    lo_g, hi_g = g_start or "0000-00-00", g_end or "9999-99-99"
    lo_p, hi_p = p_start or "0000-00-00", p_end or "9999-99-99"
    return lo_g <= hi_p and lo_p <= hi_g


def fits(table, g, p):
    if table == "indicators":
        return name_overlap(g.get("indicator"), p.get("indicator")) and period_overlap(g, p)
    return g.get("text") == p.get("text")


def score(gold_dir, out_dir):
    run = read_run(out_dir)
    counts = {t: {"matched": 0, "missed": 0, "extra": 0, "fields": {}} for t in TABLES}
    for path in sorted(glob.glob(os.path.join(gold_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        predicted = run.get(gold["source"], {t: [] for t in TABLES})
        for table in TABLES:
            c = counts[table]
            preds = predicted[table]
            taken = [False] * len(preds)
            for g in gold.get(table, []):
                hit = next((k for k, p in enumerate(preds) if not taken[k] and fits(table, g, p)), None)
                if hit is None:
                    c["missed"] += 1
                    continue
                taken[hit] = True
                c["matched"] += 1
                for field, want in g.items():
                    if field in NOT_SCORED:
                        continue
                    right, total = c["fields"].get(field, (0, 0))
                    ok = same_value(want, preds[hit].get(field))
                    c["fields"][field] = (right + (1 if ok else 0), total + 1)
            c["extra"] += taken.count(False)
    result = {}
    for table, c in counts.items():
        m, n, e = c["matched"], c["missed"], c["extra"]
        precision = m / (m + e) if m + e else 1.0
        recall = m / (m + n) if m + n else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[table] = {
            "precision": precision, "recall": recall, "f1": f1,
            "matched": m, "missed": n, "extra": e,
            "fields": {f: (r / t if t else 1.0) for f, (r, t) in sorted(c["fields"].items())},
        }
    return {"tables": result}


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: score.py GOLD_DIR OUT_DIR")
    json.dump(score(argv[1], argv[2]), sys.stdout, indent=2, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv)
