"""The worst case the size policy allows, measured: time and peak memory to code one article at
each limit (docs/limits.md).

Each case runs in a fresh process (peak RSS is per process), with the real model and the
default settings:

* ``typical``: a synthetic wire story of about 500 words (benchmarks/corpus.py);
* ``longest text``: synthetic stories joined up to the character limit (``text_chars``);
* ``longest sentence``: one sentence at the sentence limit (``sentence_chars``) in a story;
* ``over the sentence limit``: a 90,000-character run-on "sentence" (blanked before the parse);
* ``over the text limit``: a text one character over (refused before the parse).

    python benchmarks/limits.py
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import synthetic_corpus

from dyadwatch.limits import LIMITS


def _texts() -> dict[str, str]:
    stories = [a["text"] for a in synthetic_corpus(400)]
    typical = stories[0]
    longest = ""
    for story in stories:
        if len(longest) + len(story) + 2 > LIMITS.text_chars:
            break
        longest += story + "\n\n"
    words = "the delegation discussed trade border security and energy supplies with officials "
    sentence = (words * (LIMITS.sentence_chars // len(words) + 1))[: LIMITS.sentence_chars - 1] + "."
    runon = (words * (90_000 // len(words) + 1))[:90_000] + "."
    return {
        "typical": typical,
        "longest text": longest.strip(),
        "longest sentence": typical + "\n\n" + sentence.capitalize(),
        "over the sentence limit": typical + "\n\n" + runon.capitalize(),
        "over the text limit": "x" * (LIMITS.text_chars + 1),
    }


def _child(name: str) -> None:
    from dyadwatch.coder import Coder
    from dyadwatch.records import Article

    text = _texts()[name]
    coder = Coder()
    list(coder.code_articles([Article(id="warm", text="France met Germany in Paris.")]))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    [coded] = list(coder.code_articles([Article(id=name, text=text)]))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "case": name, "chars": len(text), "seconds": round(seconds, 2),
        "peak_mb": round(peak / 1024), "growth_mb": round((peak - before) / 1024),
        "events": len(coded.events), "error": coded.error,
    }))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    print(f"{'case':26} {'characters':>10} {'seconds':>8} {'peak RSS':>9} {'growth':>7}  outcome")
    for name in _texts():
        out = subprocess.run([sys.executable, __file__, "--child", name], capture_output=True,
                             text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        outcome = r["error"] or f"{r['events']} events"
        print(f"{name:26} {r['chars']:>10,} {r['seconds']:>8} {r['peak_mb']:>6} MB"
              f" {r['growth_mb']:>4} MB  {outcome}")


if __name__ == "__main__":
    main()
