"""Benchmark: from saving the DS proposal to the refreshed page in the browser, with `lawdiff serve`.

Run: python benchmarks/bench_serve.py   (from the repository root; needs /usr/bin/chromium)
On a copy of the repository in a temporary folder: starts `lawdiff serve`, opens the DS
proposal's page in headless Chromium, then edits one word of a change in the YAML ten times
(alternating) and measures each time from the write to the page showing the new word after
reloading itself. Beside it, in the same run, the loop it replaces: `lawdiff build --no-pdf`
(a new process, as a drafter would run it) followed by a manual reload. Aim: < 1 s.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
DS = "proposals/ds-11-forslag-ressourceforloeb.yaml"
PAGE = "forslag/ds-11-forslag-ressourceforloeb.html"
WORDS = ("der ikke forventes at kunne løses alene gennem", "der ikke forventes at kunne løses udelukkende gennem")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ROUNDS = 10


def write(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    path.write_text(text.replace(old, new, 1), "utf-8")


def main() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for folder in ("statutes", "proposals", "amendments"):
            shutil.copytree(ROOT / folder, root / folder)
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "lawdiff.cli", "--root", str(root), "serve", "--port", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = proc.stdout.readline()
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        print(f"serve started in {time.perf_counter() - t:.2f} s: {line.strip()}")
        times, renders = [], []
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/{PAGE}")
                page.wait_for_load_state("load")
                time.sleep(0.5)
                for i in range(ROUNDS):
                    old, new = WORDS[i % 2], WORDS[(i + 1) % 2]
                    marker = new.split()[-2]  # "udelukkende" / "alene"
                    page.evaluate("window.__old = true")
                    t = time.perf_counter()
                    write(root / DS, old, new)
                    page.wait_for_function(
                        f"() => !window.__old && document.querySelector('ins') && "
                        f"[...document.querySelectorAll('ins')].some(e => e.textContent.includes('{marker}'))",
                        timeout=30000, polling="raf")
                    times.append(time.perf_counter() - t)
                    report = proc.stdout.readline()  # "opdateret på N ms: …"
                    renders.append(float(report.split("på ")[1].split(" ms")[0]) / 1000)
                    time.sleep(0.3)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        print(f"saved → page refreshed in the browser, {ROUNDS} edits: median {statistics.median(times):.2f} s, "
              f"max {max(times):.2f} s (aim < 1 s)")
        print(f"  of which the server's re-render: median {statistics.median(renders):.2f} s "
              f"(the rest: mtime polling every 0.1 s, the event, the browser's reload)")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lawdiff.cli", "--root", str(root), "build", "--out",
                        str(root / "site"), "--no-pdf"], check=True, env=env, capture_output=True)
        build = time.perf_counter() - t
        print(f"baseline, the same run: `lawdiff build --no-pdf` takes {build:.2f} s before a manual reload "
              f"({build / statistics.median(times):.1f}× the preview)")
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
