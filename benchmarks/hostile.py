"""Hostile inputs against time bounds, and linear-time scaling series.

A script, not a timed unit test (machines are noisy): ``tests/test_hostile.py``
runs the same inputs for correctness only. Every measurement runs in a child
process with a hard timeout, so a hang is reported ("HANG"), not waited on.

    python benchmarks/hostile.py                 # everything
    python benchmarks/hostile.py --only mojibake --only scaling:prose
    python benchmarks/hostile.py --list

Two kinds of check:

- **bounds**: each hostile input must finish under its bound (seconds). The
  child is killed at ``max(3 * bound, bound + 10)`` seconds.
- **scaling**: each shape is cleaned at 1x, 2x, 4x and 8x its base size; 8x the
  input must cost at most 16x the time of 1x (linear is 8x; the slack absorbs
  noise and cache effects; quadratic would be 64x). Each size is timed as the
  best of a few runs, in a fresh child.

Exit status 1 if any input crashes, hangs or exceeds its bound, or any
series scales worse than its bound.
"""
from __future__ import annotations

import argparse
import datetime
import multiprocessing as mp
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, List, NamedTuple, Optional, Union

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = ("The city council approved a new budget on Tuesday after a long debate about road repairs and "
           "school funding. Council members said the plan would raise spending on public transport.\n\n")
PARAS = [
    "The city council approved a new budget on Tuesday after a long debate about road repairs and school funding.",
    "Council members said the plan would raise spending on public transport by ten percent over two years.",
    "Opponents argued that the increase was not matched by new revenue and that taxes would have to rise.",
    "The mayor said the budget was balanced and the city would meet all of its obligations next year.",
]
SENTENCES = " ".join(PARAS) + " "


def varied_article(n_paras: int) -> str:
    """An article of ``n_paras`` distinct paragraphs (no two alike, so the
    duplicate detector cannot shortcut anything), about 110 characters each."""
    return "".join(f"Paragraph {i}: the council said item {i} of the budget, worth {i * 7 % 997} million, "
                   f"would fund roads in district {i % 97}.\n\n" for i in range(n_paras))


def page(k: int) -> str:
    """A whole-page text repeated ``k`` times: article, navigation, teasers."""
    unit = (ARTICLE + "Home\nShare\nPHOTO: REUTERS\nRead more:\n- Another story about the harbour\n"
            "We use cookies. Accept all cookies\n")
    return unit * k


def html_page(n_paras: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in varied_article(n_paras).split("\n\n") if p)
    return ("<html><head><title>Budget passes</title><meta charset='utf-8'></head><body><nav><a href='/'>Home</a>"
            f"<a href='/news'>News</a></nav><article><h1>Budget passes</h1>{body}</article>"
            "<footer>Subscribe</footer></body></html>")


class Case(NamedTuple):
    name: str
    kind: str                       # "text" -> clean_text, "html" -> clean_html
    build: Callable[[], Union[str, bytes]]
    bound: float                    # seconds


def cases() -> List[Case]:
    """The hostile inputs (shared with tests/test_hostile.py)."""
    return [
        Case("empty", "text", lambda: "", 1),
        Case("whitespace only", "text", lambda: " \n\t\n\r\n\u3000 " * 1000, 2),
        Case("NUL and control characters", "text", lambda: "a\x00b\x01c\x1b[31m\x7f\x85d\x9d " * 20_000, 5),
        Case("lone surrogates", "text", lambda: "text \ud800 more \udfff end \ud83d. " * 1000, 5),
        Case("1 MB line without spaces", "text", lambda: "x" * 1_000_000, 5),
        Case("1 MB line of words without punctuation", "text", lambda: "council budget roads " * 50_000, 10),
        Case("50,000 short lines", "text", lambda: "Home\nNews\n" * 25_000, 10),
        Case("100,000 dots", "text", lambda: "." * 100_000, 5),
        Case("100,000 dots and spaces", "text", lambda: ". " * 100_000, 5),
        Case("URL with 50,000 labels", "text", lambda: "http://" + "a." * 50_000 + "com", 5),
        Case("brackets 50,000 deep", "text", lambda: "(" * 50_000 + "x" + ")" * 50_000, 5),
        Case("square brackets 50,000 deep", "text", lambda: "[" * 50_000 + "x" + "]" * 50_000, 5),
        Case("right-to-left article (Arabic)", "text",
             lambda: "وافق مجلس المدينة على ميزانية جديدة يوم الثلاثاء بعد نقاش طويل حول إصلاح الطرق.\n" * 200, 5),
        Case("right-to-left article (Hebrew)", "text",
             lambda: "מועצת העיר אישרה ביום שלישי תקציב חדש לאחר דיון ארוך על תיקון הכבישים.\n" * 200, 5),
        Case("CJK article", "text", lambda: "市议会周二在长时间辩论后批准了新的预算，用于修路和学校。\n" * 500, 5),
        # Kana-range punctuation counts as words (two characters a word) but holds no \w word.
        Case("lines of CJK punctuation", "text",
             lambda: "市议会周二批准了新的预算。\n" + "・" * 40 + "\n" + "・・・ " * 30 + "\n", 5),
        Case("mojibake", "text",
             lambda: (ARTICLE.replace("council", "café “council”") * 100).encode("utf-8").decode("latin-1"), 5),
        Case("25,000 related-link boxes", "text", lambda: "Read more:\n- Another story here\n" * 25_000, 10),
        Case("20,000 comment headers", "text", lambda: ARTICLE + "jbaxt says:\nGood point.\n" * 20_000, 10),
        Case("30,000 duplicated paragraphs", "text", lambda: ARTICLE * 30_000, 30),
        Case("10 MB article text", "text", lambda: varied_article(95_000), 60),
        Case("3.5 MB text, a C1 control in every paragraph", "text",
             lambda: "".join(p + "\x9d\n" for p in PARAS) * 8_000, 30),
        # Shapes that once made a detector quadratic (see the scaling series).
        Case("1 MB line: 'Read more' after every sentence", "text",
             lambda: SENTENCES * 3 + "Council budget. Read more about the council budget plan for the city. " * 14_000, 10),
        Case("1 MB line: loan words in every sentence", "text",
             lambda: "Get a cheap payday loan today from the council. " * 21_000 + "http://x.example/loan", 10),
        Case("1 MB line: alternating foreign sentences", "text",
             lambda: "The council approved the budget. Совет утвердил новый бюджет во вторник. " * 14_000, 10),
        # HTML
        Case("malformed HTML", "html", lambda: "<html><body><p>Unclosed <div><span>" + ARTICLE * 50 + "<p><<<>>>&&&", 10),
        Case("HTML 20,000 levels deep", "html", lambda: "<div>" * 20_000 + ARTICLE + "</div>" * 20_000, 30),
        Case("HTML 300 levels deep", "html",
             lambda: "<html><body>" + "<div>" * 300 + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * 300
             + "</body></html>", 10),
        Case("HTML block elements outside their containers", "html",
             lambda: "<html><body><article>" + "".join(f"<li>{p}</li>" for p in ["Home"] + PARAS[:2])
             + "".join(f"<figcaption>{p}</figcaption>" for p in ["Photo gallery"] + PARAS[2:])
             + "".join(f"<dd>{p}</dd>" for p in ["Menu"] + PARAS[:2]) + "</article></body></html>", 10),
        Case("cp1251 bytes, no charset", "html",
             lambda: ("<html><body><p>" + "Городской совет утвердил новый бюджет во вторник после долгих дебатов. " * 30
                      + "</p></body></html>").encode("cp1251"), 10),
        Case("meta charset that lies (says utf-8, is latin-1)", "html",
             lambda: ('<html><head><meta charset="utf-8"></head><body><p>' + "Le conseil a adopté le budget. " * 40
                      + "</p></body></html>").encode("latin-1"), 10),
        Case("meta charset that lies (says cp1251, is utf-8)", "html",
             lambda: ('<html><head><meta charset="windows-1251"></head><body><p>'
                      + "Le conseil a adopté le budget après un long débat. " * 40 + "</p></body></html>").encode("utf-8"), 10),
        Case("UTF-16 bytes without BOM", "html",
             lambda: ("<html><body>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>").encode("utf-16-le"), 10),
        Case("5 MB HTML page", "html", lambda: html_page(40_000), 120),
    ]


class Series(NamedTuple):
    name: str
    kind: str
    build: Callable[[int], Union[str, bytes]]   # size factor -> input


def series() -> List[Series]:
    """Scaling series: 1x, 2x, 4x, 8x of each shape."""
    return [
        Series("prose", "text", lambda k: varied_article(8_000 * k)),
        Series("whole page", "text", lambda k: page(1_000 * k)),
        Series("one long line of prose", "text", lambda k: SENTENCES * (2_000 * k)),
        Series("short lines", "text", lambda k: "Home\nNews\nShare\nSubscribe\n" * (3_000 * k)),
        Series("'Read more' after every sentence, one line", "text",
               lambda k: SENTENCES * 3 + "Council budget. Read more about the council budget plan for the city. " * (500 * k)),
        Series("loan words in every sentence, one line", "text",
               lambda k: "Get a cheap payday loan today from the council. " * (1_000 * k) + "http://x.example/loan"),
        Series("alternating foreign sentences, one line", "text",
               lambda k: "The council approved the budget. Совет утвердил новый бюджет во вторник. " * (4_000 * k)),
        Series("spam glued to every paragraph", "text",
               lambda k: (SENTENCES + "срочный займ на карту https://spam.example/loan\n") * (300 * k)),
        Series("html page", "html", lambda k: html_page(1_500 * k)),
        Series("C1 control in every paragraph (ftfy path)", "text",
               lambda k: "".join(p + "\x9d\n" for p in PARAS) * (500 * k)),
    ]


# --------------------------------------------------------------------- running
def _child(kind, build, arg, repeat, q):
    try:
        import newsclean

        data = build() if arg is None else build(arg)
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            art = newsclean.clean_html(data) if kind == "html" else newsclean.clean_text(data)
            best = min(best, time.perf_counter() - t0)
        q.put(("ok", best, len(art.text)))
    except BaseException as e:  # report, never hang the parent
        q.put(("error", 0.0, f"{type(e).__name__}: {e}"))


def measure(kind, build, arg=None, timeout=60.0, repeat=1):
    """(status, seconds, info) with status ok / error / crash / HANG."""
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(kind, build, arg, repeat, q))
    p.start()
    p.join(timeout)
    if p.is_alive():
        p.kill()
        p.join()
        return "HANG", timeout, f"killed after {timeout:.0f} s"
    try:
        return q.get(timeout=5)
    except Exception:
        return "crash", 0.0, f"child exit code {p.exitcode}"


def run_bounds(only) -> int:
    failed = 0
    print("| input | seconds | bound | result |")
    print("|---|---:|---:|---|")
    for c in cases():
        if only and c.name not in only:
            continue
        status, secs, info = measure(c.kind, c.build, timeout=max(3 * c.bound, c.bound + 10))
        ok = status == "ok" and secs <= c.bound
        failed += not ok
        shown = f"> {secs:.0f}" if status == "HANG" else f"{secs:.2f}"
        verdict = "ok" if ok else ("OVER BOUND" if status == "ok" else f"{status.upper()}: {info}")
        print(f"| {c.kind}: {c.name} | {shown} | {c.bound:g} | {verdict} |", flush=True)
    return failed


def run_series(only, max_ratio=16.0, step_timeout=60.0) -> int:
    failed = 0
    print("\n| scaling series | 1x s | 2x s | 4x s | 8x s | 8x/1x | bound | result |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for s in series():
        if only and f"scaling:{s.name}" not in only and "scaling" not in only:
            continue
        times: List[Optional[float]] = []
        problem = ""
        for k in (1, 2, 4, 8):
            status, secs, info = measure(s.kind, s.build, k, timeout=step_timeout, repeat={1: 3, 2: 3, 4: 2}.get(k, 1))
            if status != "ok":
                problem = f"{status.upper()} at {k}x: {info}"
                break
            times.append(secs)
        cells = [f"{t:.2f}" for t in times] + ["-"] * (4 - len(times))
        if problem:
            failed += 1
            print(f"| {s.kind}: {s.name} | {' | '.join(cells)} | - | {max_ratio:g} | {problem} |", flush=True)
            continue
        ratio = times[3] / max(times[0], 1e-3)
        ok = ratio <= max_ratio
        failed += not ok
        print(f"| {s.kind}: {s.name} | {' | '.join(cells)} | {ratio:.1f} | {max_ratio:g} | "
              f"{'ok' if ok else 'SUPERLINEAR'} |", flush=True)
    return failed


def _revision() -> str:
    try:
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except Exception:
        return "unknown"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", action="append", default=[],
                    help="run only this input (by name) or series ('scaling:NAME', or 'scaling' for all)")
    ap.add_argument("--list", action="store_true", help="list the inputs and series")
    ap.add_argument("--no-scaling", action="store_true", help="skip the scaling series")
    args = ap.parse_args(argv)
    if args.list:
        for c in cases():
            print(f"{c.kind}: {c.name} (bound {c.bound:g} s)")
        for s in series():
            print(f"scaling:{s.name} ({s.kind})")
        return 0
    import newsclean

    now = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    print(f"hostile inputs, {now}\n")
    print(f"command: `{shlex.join([Path(sys.executable).name] + sys.argv)}`  ")
    print(f"newsclean {newsclean.__version__} at {_revision()}; Python {platform.python_version()}; "
          f"{platform.machine()}, {mp.cpu_count()} CPUs\n")
    only = set(args.only)
    failed = 0
    if not only or any(not o.startswith("scaling") for o in only):
        failed += run_bounds({o for o in only if not o.startswith("scaling")})
    if not args.no_scaling and (not only or any(o.startswith("scaling") for o in only)):
        failed += run_series(only)
    print(f"\n{failed} failure(s)" if failed else "\nall within bounds")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
