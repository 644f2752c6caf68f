"""A hash of newsclean's output over a benchmark folder, to prove that a
change alters no output (a refactoring, a speed-up).

    python benchmarks/output_hash.py --data ../shared/bench/article-extraction-benchmark

Three inputs per page, each hashed on its own and all together:

- ``page``: ``clean_text`` of the page's whole text (html-text);
- ``html``: ``clean_html(html, url=url)``;
- ``body``: ``clean_text`` of the ground-truth article body.

The hash is SHA-256 over the canonical JSON of ``Article.to_dict()`` per page,
in page order. ``--dump FILE`` also writes every page's dict (JSONL) so that
two runs can be compared page by page.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import load  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--dump", type=Path, help="write every page's output as JSONL here")
    args = ap.parse_args()

    import html_text

    import newsclean

    forms = {
        "page": lambda html, url, body: newsclean.clean_text(html_text.extract_text(html.decode("utf-8", "replace"))),
        "html": lambda html, url, body: newsclean.clean_html(html, url=url),
        "body": lambda html, url, body: newsclean.clean_text(body),
    }
    pages = load(args.data, args.limit)
    total = hashlib.sha256()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for form, fn in forms.items():
        h = hashlib.sha256()
        for pid, html, url, body in pages:
            line = json.dumps(fn(html, url, body).to_dict(), sort_keys=True, ensure_ascii=False)
            h.update(line.encode("utf-8") + b"\n")
            if dump:
                dump.write(json.dumps({"id": pid, "form": form, "out": json.loads(line)}, ensure_ascii=False) + "\n")
        total.update(h.digest())
        print(f"{form}: {h.hexdigest()}")
    print(f"all: {total.hexdigest()}")
    if dump:
        dump.close()


if __name__ == "__main__":
    main()
