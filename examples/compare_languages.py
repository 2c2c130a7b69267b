"""Put one operative paragraph side by side in the annotate output of several language versions of a resolution:
each clause's verb, class and addressees, the paragraph's strongest class, and its entities' (label, id).

    python examples/compare_languages.py out/2209.*.jsonl --paragraph 6
"""
import argparse
import json
import sys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", help="annotate JSONL outputs, one per language version")
    ap.add_argument("--paragraph", type=int, required=True, help="operative paragraph number")
    args = ap.parse_args()
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            units = [json.loads(line) for line in f if line.strip()]
        para = [u for u in units if u["paragraph"].get("type") == "operative"
                and u["paragraph"].get("number") == args.paragraph]
        if not para:
            print(f"{path}: no operative paragraph {args.paragraph}", file=sys.stderr)
            continue
        u, p = para[0], para[0]["paragraph"]
        clauses = "; ".join(f"{c['verb']['text']} = {c['strength']}"
                            + (f" -> {', '.join(a['text'] for a in c['addressees'])}" if c["addressees"] else "")
                            for c in p.get("clauses") or [])
        ents = ", ".join(sorted({f"{e['label']} {e['id']}" for e in u["entities"]}))
        print(f"{u['lang']}: {clauses} | strongest: {p.get('max_strength')} | {ents}")


if __name__ == "__main__":
    main()
