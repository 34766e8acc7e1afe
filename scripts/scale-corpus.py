#!/usr/bin/env python3
"""Writes N perturbed real articles as JSON Lines, for `make bench`'s scale section.

Base articles: the real news in ../shared/data (detik, the hoax-topic and topic-cluster sets,
PolNeAR train). Each output article is one of them with
  - its paragraphs shuffled (some kept in place),
  - one to three sentences replaced by sentences of other articles,
  - a new id, a URL on one of 40 outlets and a date spread over three years,
and about 4% are exact copies of an earlier output (a new id and URL: syndication) and 8%
near copies (one sentence changed), so that the duplicate index and the stories see
what a crawler delivers. The same N and seed give the same bytes.

Usage: scale-corpus.py N [--seed S] [--data ../shared/data] > corpus.jsonl
"""
import argparse
import csv
import datetime
import json
import os
import random
import re
import sys

SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=[A-Z"“])')


def load_bases(data):
    bases = []
    csv.field_size_limit(1 << 30)
    detik = os.path.join(data, 'detik-1k-entity-summ', 'data_berita.csv')
    if os.path.exists(detik):
        with open(detik, newline='', encoding='utf-8') as f:
            for row in csv.DictReader(f):
                bases.append((row['judul'], row['isi_berita'], 'id'))
    for name, title_key in (('idnews-hoax-topics-rahutomo/news600_topics.jsonl', 'topic_keyword'),
                            ('idnews-topic-clusters-5/articles.jsonl', 'title'),
                            ('en-quote-polnear/polnear_train.jsonl', None)):
        path = os.path.join(data, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                r = json.loads(line)
                text = r.get('text') or ''
                title = r.get(title_key) if title_key else text.split('\n', 1)[0][:120]
                if text:
                    bases.append((title or '', text, 'en' if 'polnear' in name else 'id'))
    return bases


def paragraphs(text):
    return [p for p in re.split(r'\n+', text) if p.strip()]


def perturb(rng, text, donors):
    paras = paragraphs(text)
    if len(paras) > 2:
        # Shuffle the body, keeping the lead paragraph (where the dateline is).
        body = paras[1:]
        rng.shuffle(body)
        paras = paras[:1] + body
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(paras))
        sentences = SENTENCE_END.split(paras[i])
        donor = SENTENCE_END.split(rng.choice(paragraphs(rng.choice(donors)[1]) or ['.']))
        sentences[rng.randrange(len(sentences))] = rng.choice(donor)
        paras[i] = ' '.join(sentences)
    return '\n\n'.join(paras)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('n', type=int)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--data', default=os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data'))
    args = ap.parse_args()
    bases = load_bases(args.data)
    if not bases:
        sys.exit(f'scale-corpus: no articles under {args.data}')
    rng = random.Random(args.seed)
    outlets = [f'news{i:02d}.example' for i in range(40)]
    start = datetime.date(2023, 1, 1)
    recent = []  # (title, text) of the last outputs, for copies
    out = sys.stdout
    for n in range(args.n):
        roll = rng.random()
        if recent and roll < 0.04:
            title, text = rng.choice(recent)
        elif recent and roll < 0.12:
            title, text = rng.choice(recent)
            text = perturb(rng, text, bases) if rng.random() < 0.5 else text + '\n\n' + rng.choice(bases)[1][:200]
        else:
            base = rng.choice(bases)
            title, text = base[0], perturb(rng, base[1], bases)
        recent.append((title, text))
        if len(recent) > 2000:
            recent.pop(rng.randrange(len(recent)))
        day = start + datetime.timedelta(days=rng.randrange(3 * 365))
        outlet = rng.choice(outlets)
        record = {
            'id': f's{args.seed}-{n}',
            'url': f'https://{outlet}/{day.year}/{n}',
            'published': day.isoformat(),
            'title': title,
            'text': text,
        }
        out.write(json.dumps(record, ensure_ascii=False))
        out.write('\n')


if __name__ == '__main__':
    main()
