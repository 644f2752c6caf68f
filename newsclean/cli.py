"""Command-line interface: ``newsclean FILE...``."""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional

from . import __version__
from .config import CATEGORIES
from .normalize import decode_bytes

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _fail(msg: str) -> None:
    print(f"newsclean: error: {msg}", file=sys.stderr)


def read_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read()
    return decode_bytes(data)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="newsclean", description="Clean scraped news pages.")
    ap.add_argument("files", nargs="+", metavar="FILE", help="input file, or - for stdin")
    ap.add_argument("--json", action="store_true", help="print the full result as JSON")
    ap.add_argument("--explain", action="store_true", help="show what was removed and why")
    ap.add_argument("--version", action="version", version=f"newsclean {__version__}")
    args = ap.parse_args(argv)
    from . import clean_text

    status = EXIT_OK
    for path in args.files:
        try:
            text = read_input(path)
        except FileNotFoundError:
            _fail(f"{path}: no such file"); status = EXIT_FAILED; continue
        except IsADirectoryError:
            _fail(f"{path}: is a directory"); status = EXIT_FAILED; continue
        except PermissionError:
            _fail(f"{path}: permission denied"); status = EXIT_FAILED; continue
        except UnicodeDecodeError as e:
            _fail(f"{path}: not a text file ({e.reason})"); status = EXIT_FAILED; continue
        except OSError as e:
            _fail(f"{path}: {e.strerror or e}"); status = EXIT_FAILED; continue
        art = clean_text(text)
        if args.json:
            print(json.dumps(art.to_dict(), ensure_ascii=False, indent=2))
        elif args.explain:
            for r in art.removed:
                print(f"[{r.category}] {r.rule}: {r.reason}\n    {r.text[:200]!r}")
        else:
            print(art.text)
    return status


if __name__ == "__main__":
    sys.exit(main())
