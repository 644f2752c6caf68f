"""The explain report (``newsclean --explain --format html``) in a real
browser: headless Chromium, driven over the DevTools protocol.

tests/test_report.py reads the page with lxml; this file checks what only a
browser can tell: that the page renders with no request but the file itself,
that the keyboard reaches the removed spans and focus shows their rule and
reason, that the "clean article alone" switch really hides them, and that
the print stylesheet applies.

How the browser is driven, and why: Chromium's own ``--remote-debugging-pipe``
(the DevTools protocol as NUL-terminated JSON on file descriptors 3 and 4, as
Puppeteer uses it). That needs nothing but the ``chromium`` binary (Debian's
package; ``.ci/run`` installs it): no Python dependency, no chromedriver whose
version must match the browser (Selenium), no TCP port to find or to collide
on, no HTTP handshake (a websocket client). ``--dump-dom``/``--screenshot``
alone cannot press Tab, emulate print media or list the requests. Key
presses, clicks and the pointer are real input events (``Input.dispatch*``),
not ``el.focus()``/``el.click()`` from script.

What is checked, per document (two texts and one HTML page):

* no request but the file (``Network.requestWillBeSent``), none failed;
* the first Tab focuses the switch, each next one the next marked span in
  text order (metadata spans too) up to the first removed span; focused, its
  ``::after`` shows "category · rule: reason" (computed ``content``,
  ``display``, ``visibility``), drawn on top (the point under the span hits
  it: a pseudo-element hit-tests as its element), with a solid focus outline;
  the next Tab takes it away; the mouse pointer over it brings it back;
* the switch, by Space on the focused checkbox: no marked span has a box
  (``getClientRects``, ``checkVisibility``), the legend, the annotated text
  and the left-out lines are ``display: none``, the clean article is shown at
  the text column's width; a click on its label brings everything back;
* print media (``Emulation.setEmulatedMedia``): the switch hidden, the layout
  one column, no tooltip, the highlights kept; ``Page.printToPDF`` gives a PDF;
* a screenshot with the explanation showing (``tmp_path/report.png``; and
  ``report-clean-only.png``, ``report.pdf``): a PNG of at least 800x600 with
  drawing on a quarter of its rows at least.

The network is checked twice: host names resolve nowhere
(``--host-resolver-rules``) and the Network domain's events list every
request the page makes; the only one allowed is the file itself.

Without Chromium (``chromium``, ``chromium-browser``, ``google-chrome``, or
the path in ``NEWSCLEAN_CHROMIUM``) the test is skipped, saying so; with
``NEWSCLEAN_REQUIRE_BROWSER=1`` (``.ci/run`` sets it) it fails instead.
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import newsclean

ROOT = Path(__file__).resolve().parent.parent
#: a text with metadata spans and one removed span; a text with 14 removals in three categories, the first
#: after a metadata span; an HTML page (its report has the "left out by the extraction" section)
DOCUMENTS = [ROOT / "seeds" / "002_86ec88a044c8f3bf.txt", ROOT / "seeds" / "003_9aea97d9ac355b1f.txt",
             ROOT / "tests" / "structure" / "storm.html"]
TIMEOUT = 30.0


def chromium_path() -> Optional[str]:
    env = os.environ.get("NEWSCLEAN_CHROMIUM")
    if env:
        return env if os.access(env, os.X_OK) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


TRAMPOLINE = ("import os, sys; r, w = os.dup(int(sys.argv[1])), os.dup(int(sys.argv[2])); "
              "os.dup2(r, 3); os.dup2(w, 4); os.set_inheritable(3, True); os.set_inheritable(4, True); "
              "os.execv(sys.argv[3], sys.argv[3:])")


class DevTools:
    """A minimal DevTools protocol client over ``--remote-debugging-pipe``."""

    def __init__(self, exe: str, profile: Path):
        #: the browser's own messages, shown when it does not answer
        self.log_path = profile.with_name(profile.name + ".log")
        self._log = open(self.log_path, "wb")
        to_child_r, self._out = os.pipe()
        self._in, from_child_w = os.pipe()
        args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--no-first-run", "--no-default-browser-check", "--mute-audio", "--hide-scrollbars",
                # every host name resolves nowhere: a page that needs the network would show it
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--window-size=1280,1600", f"--user-data-dir={profile}", "--remote-debugging-pipe",
                "about:blank"]
        # the browser reads commands on fd 3 and writes answers on fd 4: a small Python trampoline puts the
        # pipes there (a POSIX shell's `3<&N` takes single-digit N only) and execs the browser
        self.proc = subprocess.Popen(
            [sys.executable, "-c", TRAMPOLINE, str(to_child_r), str(from_child_w), *args],
            pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=self._log)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self.events: List[Dict[str, Any]] = []
        self.session: Optional[str] = None

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._in, self._out):
            os.close(fd)
        self._log.close()

    def _log_tail(self) -> str:
        self._log.flush()
        lines = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(ln for ln in lines[-20:] if "dbus" not in ln)

    def _message(self, deadline: float) -> Dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise TimeoutError("no answer from the browser; it said:\n" + self._log_tail())
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise EOFError("the browser closed the pipe; it said:\n" + self._log_tail())
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg: Dict[str, Any] = json.loads(raw)
        return msg

    def send(self, method: str, browser: bool = False, timeout: float = TIMEOUT, **params: Any) -> Dict[str, Any]:
        self._id += 1
        msg: Dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if self.session and not browser:
            msg["sessionId"] = self.session
        os.write(self._out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            got = self._message(deadline)
            if got.get("id") == self._id:
                if "error" in got:
                    raise RuntimeError(f"{method}: {got['error']}")
                result: Dict[str, Any] = got.get("result", {})
                return result
            if "method" in got:
                self.events.append(got)

    def wait_for(self, method: str, timeout: float = TIMEOUT) -> Dict[str, Any]:
        deadline = time.monotonic() + timeout
        for ev in self.events:
            if ev["method"] == method:
                return ev
        while True:
            got = self._message(deadline)
            if "method" in got:
                self.events.append(got)
                if got["method"] == method:
                    return got

    def js(self, expression: str) -> Any:
        r = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def key(self, key: str, code: str, vk: int, text: str = "", shift: bool = False) -> None:
        mods = 8 if shift else 0
        down: Dict[str, Any] = {"type": "keyDown" if text else "rawKeyDown", "key": key, "code": code,
                                "windowsVirtualKeyCode": vk, "modifiers": mods}
        if text:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", **down)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=vk,
                  modifiers=mods)

    def tab(self) -> None:
        self.key("Tab", "Tab", 9, "\t")

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def png_facts(data: bytes) -> Dict[str, int]:
    """Width, height and the number of distinct byte values of a PNG's pixels (no imaging library)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, facts = 8, b"", {}
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        assert zlib.crc32(kind + body) == struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])[0]
        if kind == b"IHDR":
            facts["width"], facts["height"] = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    pixels = zlib.decompress(idat)
    facts["distinct_bytes"] = len(set(pixels))
    # rows whose bytes are not all the same: lines of the screenshot with something drawn on them
    stride = len(pixels) // facts["height"]
    facts["busy_rows"] = sum(1 for i in range(facts["height"]) if len(set(pixels[i * stride + 1:(i + 1) * stride])) > 4)
    return facts


@pytest.fixture
def browser(tmp_path):
    exe = chromium_path()
    if exe is None:
        if os.environ.get("NEWSCLEAN_REQUIRE_BROWSER") == "1":   # .ci/run: CI must not skip it unnoticed
            pytest.fail("NEWSCLEAN_REQUIRE_BROWSER=1 but no Chromium was found")
        pytest.skip("no Chromium on this machine (install Debian's `chromium` package, or set NEWSCLEAN_CHROMIUM); "
                    ".ci/run installs it")
    dt = DevTools(exe, tmp_path / "profile")
    try:
        targets = dt.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        dt.session = dt.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        yield dt
    finally:
        dt.close()


# the explanation a focused or hovered span shows (its ::after box) and whether it is drawn
TOOLTIP = """(sel => { const el = document.querySelector(sel); const r = el.getClientRects();
  const last = r[r.length - 1], cs = getComputedStyle(el, '::after');
  const hit = document.elementFromPoint(r[0].left + 4, last.bottom + 6);
  return {content: cs.content, display: cs.display, visibility: cs.visibility, position: cs.position,
          focused: document.activeElement === el, outline: getComputedStyle(el).outlineStyle,
          hit_is_span: hit === el, why: el.dataset.why}; })"""


@pytest.mark.parametrize("doc", DOCUMENTS, ids=lambda p: p.stem)
def test_the_report_in_a_browser(browser, tmp_path, doc):
    t0 = time.monotonic()
    dt = browser
    report = tmp_path / "report.html"
    p = subprocess.run([sys.executable, "-m", "newsclean", "--explain", "--format", "html", str(doc)],
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    report.write_bytes(p.stdout)
    raw = doc.read_text(encoding="utf-8")
    art = newsclean.clean_html(raw) if doc.suffix == ".html" else newsclean.clean_text(raw)
    assert art.removed
    url = report.as_uri()

    # ---- renders offline: the only request is the file itself
    dt.send("Network.enable")
    dt.send("Page.enable")
    dt.events.clear()
    dt.send("Page.navigate", url=url)
    dt.wait_for("Page.loadEventFired")
    requested = [e["params"]["request"]["url"] for e in dt.events if e["method"] == "Network.requestWillBeSent"]
    failed = [e["params"] for e in dt.events if e["method"] == "Network.loadingFailed"]
    assert requested == [url] and not failed, (requested, failed)
    assert dt.js("document.readyState") == "complete"
    assert dt.js("document.title") == f"newsclean report: {art.title or doc.name}"
    assert dt.js("document.querySelectorAll('mark.rm').length") == len(art.removed)
    # the page's own styles applied (a mark has its category's background, the layout is a grid)
    assert dt.js("getComputedStyle(document.querySelector('.layout')).display") == "grid"
    assert dt.js("getComputedStyle(document.querySelector('mark.rm')).backgroundColor") not in ("", "rgba(0, 0, 0, 0)")

    # ---- keyboard: Tab goes through the switch, then the marked spans in text order
    focusables = dt.js("""[...document.querySelectorAll('input, mark.rm, span.ms, summary, a[href], [tabindex]')]
        .filter((el, i, all) => all.indexOf(el) === i).map(el => el.id || el.className + ':' + el.dataset.start)""")
    first_rm = dt.js("(m => m.className + ':' + m.dataset.start)(document.querySelector('mark.rm'))")
    assert dt.js("document.activeElement === document.body")
    assert dt.js(TOOLTIP + "('mark.rm')")["content"] == "none"   # nothing shown before focus
    seen = []
    for _ in range(len(focusables)):
        dt.tab()
        el = dt.js("(a => a.id || a.className + ':' + a.dataset.start)(document.activeElement)")
        seen.append(el)
        if el == first_rm:
            break
    # the first Tab reaches the switch, the next ones each span before the first removed span, then that span
    assert seen[0] == "clean-only"
    assert seen == focusables[:len(seen)] and seen[-1] == first_rm, (seen, focusables[:10])
    tip = dt.js(TOOLTIP + "('mark.rm')")
    r = art.removed[0]
    assert tip["focused"] and tip["outline"] == "solid"
    assert tip["content"] == json.dumps(f"{r.category} · {r.rule}: {r.reason}", ensure_ascii=False)
    assert r.rule in tip["content"] and r.reason in tip["content"]
    assert (tip["display"], tip["visibility"], tip["position"]) == ("block", "visible", "absolute")
    # drawn on top of the text below the span: the point under the span belongs to the span's ::after box
    assert tip["hit_is_span"], tip
    # the screenshot, with the explanation showing
    shot = base64.b64decode(dt.send("Page.captureScreenshot", format="png")["data"])
    (tmp_path / "report.png").write_bytes(shot)
    facts = png_facts(shot)
    assert facts["width"] >= 800 and facts["height"] >= 600, facts
    assert len(shot) > 20_000 and facts["distinct_bytes"] > 64 and facts["busy_rows"] > facts["height"] // 4, facts
    # the next Tab moves on and the explanation goes with the focus
    dt.tab()
    assert dt.js(TOOLTIP + "('mark.rm')")["content"] == "none"
    # ... and comes back under the mouse pointer (hover), unfocused
    at = dt.js("(r => [r.left + 4, r.top + r.height / 2])(document.querySelector('mark.rm').getClientRects()[0])")
    dt.send("Input.dispatchMouseEvent", type="mouseMoved", x=at[0], y=at[1])
    hovered = dt.js(TOOLTIP + "('mark.rm')")
    assert not hovered["focused"] and hovered["content"] == tip["content"] and hovered["hit_is_span"], hovered
    dt.send("Input.dispatchMouseEvent", type="mouseMoved", x=1, y=1)
    assert dt.js(TOOLTIP + "('mark.rm')")["content"] == "none"

    # ---- the switch: Space on the focused checkbox (keyboard), then a click on its label (mouse)
    visible = """(() => { const v = el => el.getClientRects().length > 0 && el.checkVisibility();
        return {rm: [...document.querySelectorAll('mark.rm')].filter(v).length,
                ms: [...document.querySelectorAll('span.ms')].filter(v).length,
                annotated: getComputedStyle(document.getElementById('annotated')).display,
                clean: getComputedStyle(document.getElementById('clean')).display,
                aside: getComputedStyle(document.querySelector('aside')).display,
                left_out: document.getElementById('left-out') ?
                    getComputedStyle(document.getElementById('left-out')).display : null,
                checked: document.getElementById('clean-only').checked,
                clean_width: document.getElementById('clean').getBoundingClientRect().width,
                clean_text: document.querySelector('#clean .clean').innerText}; })()"""
    before = dt.js(visible)
    assert (before["rm"], before["annotated"], before["clean"], before["checked"]) == \
        (len(art.removed), "block", "none", False)
    for _ in range(len(seen)):   # back to the switch with Shift+Tab
        if dt.js("document.activeElement.id") == "clean-only":
            break
        dt.key("Tab", "Tab", 9, shift=True)
    assert dt.js("document.activeElement.id") == "clean-only"
    dt.key(" ", "Space", 32, " ")
    alone = dt.js(visible)
    assert alone["checked"] and (alone["rm"], alone["ms"]) == (0, 0), alone
    assert (alone["annotated"], alone["aside"], alone["clean"]) == ("none", "none", "block")
    assert alone["left_out"] == ("none" if doc.suffix == ".html" else None)
    # alone, the article has the text column's width (46rem), not the hidden legend's (19rem at most)
    assert alone["clean_width"] > 600, alone
    last_paragraph = art.text.split("\n\n")[-1].strip()
    assert alone["clean_text"].strip().endswith(last_paragraph)
    shot_alone = base64.b64decode(dt.send("Page.captureScreenshot", format="png")["data"])
    (tmp_path / "report-clean-only.png").write_bytes(shot_alone)
    box = dt.js("(r => [r.left + r.width / 2, r.top + r.height / 2])"
                "(document.querySelector('label.switch').getBoundingClientRect())")
    dt.click(*box)
    again = dt.js(visible)
    assert not again["checked"] and again["rm"] == len(art.removed) and again["annotated"] == "block"

    # ---- print: the print stylesheet applies under print media, and printing to PDF works
    dt.send("Emulation.setEmulatedMedia", media="print")
    printed = dt.js("""(() => { const cs = s => getComputedStyle(document.querySelector(s));
        document.querySelector('mark.rm').focus();
        return {print: matchMedia('print').matches, box: cs('.switch-box').display, label: cs('.switch').display,
                layout: cs('.layout').display, background: cs('body').backgroundColor,
                tip: getComputedStyle(document.querySelector('mark.rm'), '::after').content,
                rm_bg: cs('mark.rm').backgroundColor}; })()""")
    assert printed["print"] and printed["box"] == printed["label"] == "none", printed
    assert printed["layout"] == "block" and printed["tip"] == "none", printed
    assert printed["rm_bg"] not in ("", "rgba(0, 0, 0, 0)")   # the highlights are kept on paper
    pdf = base64.b64decode(dt.send("Page.printToPDF", printBackground=True, timeout=60)["data"])
    assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
    (tmp_path / "report.pdf").write_bytes(pdf)
    dt.send("Emulation.setEmulatedMedia", media="")
    assert dt.js("matchMedia('print').matches") is False
    assert dt.js("getComputedStyle(document.querySelector('.switch-box')).display") != "none"

    # still nothing asked of the network after all that
    requested = [e["params"]["request"]["url"] for e in dt.events if e["method"] == "Network.requestWillBeSent"]
    assert requested == [url], requested
    assert time.monotonic() - t0 < 60
