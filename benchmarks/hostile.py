"""Hostile inputs against time bounds (a script, not a timed unit test: machines
are noisy). Each input runs in a child process with a hard timeout, so a hang
is reported, not waited on.

    python benchmarks/hostile.py

Exit status 1 if any input fails, crashes, or exceeds its bound.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
import time

ARTICLE = ("The city council approved a new budget on Tuesday after a long debate about road repairs and "
           "school funding. Council members said the plan would raise spending on public transport.\n\n")


def cases():
    """(name, kind, builder, bound in seconds)."""
    return [
        ("empty", "text", lambda: "", 1),
        ("whitespace only", "text", lambda: " \n\t\n" * 1000, 2),
        ("NUL and control characters", "text", lambda: ("a\x00b\x01c\x1b[31m\x7f " * 20000), 5),
        ("lone surrogates", "text", lambda: "text \ud800 more \udfff end " * 1000, 5),
        ("1 MB line without spaces", "text", lambda: "x" * 1_000_000, 5),
        ("50,000 short lines", "text", lambda: "Home\nNews\n" * 25_000, 10),
        ("100,000 dots", "text", lambda: "." * 100_000, 5),
        ("25,000 related-link boxes", "text", lambda: "Read more:\n- Another story here\n" * 25_000, 10),
        ("20,000 comment headers", "text", lambda: ARTICLE + "jbaxt says:\nGood point.\n" * 20_000, 10),
        ("30,000 duplicated paragraphs", "text", lambda: ARTICLE * 30_000, 30),
        ("URL with 50,000 labels", "text", lambda: "http://" + "a." * 50_000 + "com", 5),
        ("brackets 50,000 deep", "text", lambda: "(" * 50_000 + "x" + ")" * 50_000, 5),
        ("right-to-left article", "text", lambda: "وافق مجلس المدينة على ميزانية جديدة يوم الثلاثاء بعد نقاش طويل.\n" * 200, 5),
        ("CJK article", "text", lambda: "市议会周二在长时间辩论后批准了新的预算。\n" * 500, 5),
        ("mojibake", "text",
         lambda: (ARTICLE.replace("council", "café “council”") * 100).encode("utf-8").decode("latin-1"), 5),
        ("10 MB article text", "text", lambda: ARTICLE * 40_000, 120),
        ("malformed HTML", "html", lambda: "<html><body><p>Unclosed <div><span>" + ARTICLE * 50 + "<p><<<>>>&&&", 10),
        ("HTML 20,000 levels deep", "html", lambda: "<div>" * 20_000 + ARTICLE + "</div>" * 20_000, 30),
        ("cp1251 bytes, no charset", "html",
         lambda: ("<html><body><p>" + "Городской совет утвердил новый бюджет во вторник после долгих дебатов. " * 30
                  + "</p></body></html>").encode("cp1251"), 10),
        ("meta charset that lies", "html",
         lambda: ('<html><head><meta charset="utf-8"></head><body><p>' + "Le conseil a adopté le budget. " * 40
                  + "</p></body></html>").encode("latin-1"), 10),
    ]


def _run(kind, builder, q):
    import newsclean

    data = builder()
    t0 = time.perf_counter()
    try:
        art = newsclean.clean_html(data) if kind == "html" else newsclean.clean_text(data)
        q.put(("ok", time.perf_counter() - t0, len(art.text)))
    except Exception as e:
        q.put(("error", time.perf_counter() - t0, f"{type(e).__name__}: {e}"))


def scaling() -> tuple:
    import newsclean

    base = (ARTICLE + "Home\nShare\nRead more:\n- Another story\n") * 200
    times = {}
    for k in (1, 8):
        t0 = time.perf_counter()
        newsclean.clean_text(base * k)
        times[k] = time.perf_counter() - t0
    return times[1], times[8]


def main() -> int:
    print(f"hostile inputs, {time.strftime('%Y-%m-%d')}, `python {' '.join(sys.argv)}`\n")
    print("| input | seconds | bound | result |")
    print("|---|---:|---:|---|")
    failed = 0
    ctx = mp.get_context("fork")
    for name, kind, builder, bound in cases():
        q = ctx.Queue()
        p = ctx.Process(target=_run, args=(kind, builder, q))
        p.start()
        p.join(bound * 3)
        if p.is_alive():
            p.kill()
            p.join()
            print(f"| {name} | > {bound * 3} | {bound} | HANG (killed) |")
            failed += 1
            continue
        status, secs, info = q.get() if not q.empty() else ("crash", 0.0, f"exit code {p.exitcode}")
        ok = status == "ok" and secs <= bound
        failed += not ok
        print(f"| {name} | {secs:.2f} | {bound} | {'ok' if ok else status + ': ' + str(info)} |")
    t1, t8 = scaling()
    ratio = t8 / t1 if t1 else 0.0
    ok = ratio <= 16
    failed += not ok
    print(f"\nlinear time: 8x the text took {ratio:.1f}x the time (bound 16x): {'ok' if ok else 'FAIL'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
