#!/usr/bin/env python3
"""Dev check for data/langid/id_ms_words.tsv (Indonesian vs Malay word list).

Tokenises each sentence lower-case on non-letters (keeping internal hyphens,
e.g. "kanak-kanak"), sums the word weights, and predicts id if the sum > 0,
ms if < 0, undecided if 0. Prints accuracy and coverage per file.

DEV data only (lingua-go test sentences). Never point this at the held-out
DSLCC evaluation set.

Usage:
  check_id_ms_words.py [--words TSV] [--data DIR] [--top N] [--errors N]
"""
import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_WORDS = os.path.join(REPO, "data", "langid", "id_ms_words.tsv")
DEFAULT_DATA = os.path.normpath(
    os.path.join(REPO, "..", "shared", "data", "langid-lingua-id-ms-en"))

# Letters (any script, no digits/underscore), hyphen-joined runs kept whole.
TOKEN_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
WORD_RE = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def load_words(path):
    words = {}
    problems = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                problems.append("%d: not WORD<TAB>WEIGHT: %r" % (n, line))
                continue
            word, weight = parts
            try:
                w = float(weight)
            except ValueError:
                problems.append("%d: bad weight %r" % (n, weight))
                continue
            if not WORD_RE.match(word):
                problems.append("%d: bad word %r" % (n, word))
            if not 0.5 <= abs(w) <= 3.0:
                problems.append("%d: |weight| outside 0.5..3.0: %s" % (n, line))
            if word in words:
                problems.append("%d: duplicate word %r" % (n, word))
            words[word] = w
    return words, problems


def tokens(text):
    return TOKEN_RE.findall(text.lower())


def score(text, words):
    s = 0.0
    hits = []
    for t in tokens(text):
        w = words.get(t)
        if w is not None:
            s += w
            hits.append(t)
    return s, hits


def evaluate(path, gold, words, hit_counter):
    n = correct = wrong = undecided = covered = 0
    errors = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            n += 1
            s, hits = score(line, words)
            if hits:
                covered += 1
            for h in hits:
                hit_counter[(gold, h)] += 1
            if s > 0:
                pred = "id"
            elif s < 0:
                pred = "ms"
            else:
                pred = "undecided"
            if pred == gold:
                correct += 1
            elif pred == "undecided":
                undecided += 1
            else:
                wrong += 1
                errors.append((s, hits))
    return dict(n=n, correct=correct, wrong=wrong, undecided=undecided,
                covered=covered, errors=errors)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", default=DEFAULT_WORDS)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--top", type=int, default=0,
                    help="show the N most frequent matched words per file")
    ap.add_argument("--errors", type=int, default=0,
                    help="show matched words of N misclassified lines per file")
    args = ap.parse_args()

    if "dslcc" in os.path.abspath(args.data).lower():
        sys.exit("refusing: DSLCC is the held-out evaluation set")

    words, problems = load_words(args.words)
    n_id = sum(1 for w in words.values() if w > 0)
    n_ms = sum(1 for w in words.values() if w < 0)
    print("entries: %d (id %d, ms %d)" % (len(words), n_id, n_ms))
    for p in problems:
        print("PROBLEM " + p)

    hit_counter = collections.Counter()
    total_n = total_ok = 0
    for gold in ("id", "ms"):
        path = os.path.join(args.data, "sentences_%s.txt" % gold)
        r = evaluate(path, gold, words, hit_counter)
        total_n += r["n"]
        total_ok += r["correct"]
        print("%s: n=%d accuracy=%.1f%% (correct %d, wrong %d, undecided %d) "
              "coverage=%.1f%% accuracy-on-covered=%.1f%%" % (
                  gold, r["n"], 100.0 * r["correct"] / r["n"], r["correct"],
                  r["wrong"], r["undecided"], 100.0 * r["covered"] / r["n"],
                  100.0 * r["correct"] / max(1, r["covered"])))
        if args.top:
            top = sorted(((c, w) for (g, w), c in hit_counter.items()
                          if g == gold), reverse=True)[:args.top]
            print("  top hits: " + ", ".join(
                "%s(%+.1f)x%d" % (w, words[w], c) for c, w in top))
        for s, hits in r["errors"][:args.errors]:
            print("  wrong %+.1f: %s" % (s, " ".join(hits)))
    print("overall accuracy: %.1f%%" % (100.0 * total_ok / total_n))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
