"""Server capacity without browsers: N analysts at once over Streamlit's own websocket protocol.

Run ``python -m benchmarks.capacity`` (levels 1, 2, 4, 8, 16, 32, 64 sessions, 20 s each). It starts one real
``streamlit run app.py`` on loopback and, for each level, opens N websocket sessions at ``/_stcore/stream`` the way
the browser does: connect with the ``streamlit`` subprotocol, send a ``rerun_script`` BackMsg, and read the
ForwardMsgs of the first run, where the slider's widget id, range and step are found. Once every session has its
page, each one, like an analyst, moves the slider every 2 s (a ``rerun_script`` BackMsg whose ``WidgetStates``
carries the slider's new value) and times until that rerun's ``script_finished`` ForwardMsg. Each session opens
its own scenario from a link and moves to random values of the slider, so the model's cache seldom answers. It
prints p50/p90 rerun latency, the reruns timed and the server's CPU per rerun (user + system, from /proc) at each
N, and the first N at which p90 passes 300 ms.

No browser runs: the client sends one widget state per move (the browser sends every widget it holds; the
others keep their values on the server) and parses the replies, which costs a little of the same two cores; its
own CPU is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from benchmarks.memory import rss_mib
from tools.streamlit_server import ROOT, running_app

LEVELS = (1, 2, 4, 8, 16, 32, 64)
MOVE_EVERY_S = 2.0
P90_LIMIT_S = 0.3
TIMEOUT_S = 120.0
# Each session opens its own scenario (as load.py does), so with the slider's 201 values the model cache rarely hits.
LINK = "plant1.ramp_months={ramp}"


@dataclass
class Slider:
    """What the first run tells about the slider: its widget id, range and step."""

    widget_id: str
    low: float
    high: float
    step: float

    def value(self, rng: random.Random) -> float:
        """A value of the slider's range, on its steps, drawn with ``rng``."""
        return self.low + self.step * rng.randrange(int((self.high - self.low) / self.step) + 1)


class Session:
    """One browser-less Streamlit session over the websocket protocol."""

    def __init__(self, websocket, query_string: str = "") -> None:
        self.websocket = websocket
        self.query_string = query_string
        self.page_script_hash = ""

    async def rerun(self, slider: Slider | None = None, value: float | None = None) -> list[ForwardMsg]:
        """Ask for a rerun (with the slider at ``value``, if given); the ForwardMsgs up to ``script_finished``."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        if slider is not None:
            widget = state.widget_states.widgets.add()
            widget.id = slider.widget_id
            widget.double_array_value.data.append(value)
        await self.websocket.send(message.SerializeToString())
        replies = []
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(self.websocket.recv(), TIMEOUT_S))
            replies.append(reply)
            kind = reply.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = reply.new_session.page_script_hash
            if kind == "script_finished":
                if reply.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    status = ForwardMsg.ScriptFinishedStatus.Name(reply.script_finished)
                    raise RuntimeError(f"rerun ended with {status}")
                return replies


def find_slider(replies: list[ForwardMsg], key: str) -> Slider:
    """The slider with widget key ``key`` among a run's deltas (widget ids end with the key)."""
    for reply in replies:
        if reply.WhichOneof("type") == "delta" and reply.delta.WhichOneof("type") == "new_element":
            element = reply.delta.new_element
            if element.WhichOneof("type") == "slider" and element.slider.id.endswith(f"-{key}"):
                slider = element.slider
                return Slider(slider.id, slider.min, slider.max, slider.step)
    raise LookupError(f"no slider with key {key!r} in the first run")


def server_cpu_s(pid: int) -> float:
    """User + system CPU seconds the process ``pid`` has used so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def analyst(url: str, key: str, index: int, start: Start, latencies: list, errors: list) -> None:
    """Connect and run the page once; once every session has, move the slider every 2 s, timing each rerun."""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with connect(stream, subprotocols=["streamlit"], origin=url, max_size=None) as websocket:
            session = Session(websocket, LINK.format(ramp=4 + index % 40))
            slider = find_slider(await session.rerun(), key)
            deadline = await start.ready()
            rng = random.Random(index)
            await asyncio.sleep(rng.uniform(0, MOVE_EVERY_S))  # analysts do not move in step
            while time.monotonic() < deadline:
                started = time.perf_counter()
                await session.rerun(slider, slider.value(rng))
                latencies.append(time.perf_counter() - started)
                await asyncio.sleep(max(0.0, MOVE_EVERY_S - (time.perf_counter() - started)))
    except Exception as error:  # a load script reports failures instead of stopping at the first
        errors.append(f"session {index}: {type(error).__name__}: {str(error)[:160]}")
        start.ready_nowait()


class Start:
    """The moment every session of a level has opened its page: the moves, the clock and the CPU count start."""

    def __init__(self, sessions: int, seconds: float, pid: int) -> None:
        self.waiting, self.seconds, self.pid = sessions, seconds, pid
        self.event = asyncio.Event()
        self.deadline = self.cpu = self.client_cpu = 0.0

    def ready_nowait(self) -> None:
        """Count one session as ready (or failed); the last one starts the clock."""
        self.waiting -= 1
        if self.waiting == 0:
            self.deadline = time.monotonic() + self.seconds
            self.cpu, self.client_cpu = server_cpu_s(self.pid), time.process_time()
            self.event.set()

    async def ready(self) -> float:
        """Count this session as ready and wait for the others; the level's deadline."""
        self.ready_nowait()
        await self.event.wait()
        return self.deadline


async def level(url: str, pid: int, key: str, sessions: int, seconds: float) -> dict:
    """Drive ``sessions`` analysts for ``seconds``; their latencies, errors and the server's CPU per rerun."""
    latencies: list[float] = []
    errors: list[str] = []
    start = Start(sessions, seconds, pid)
    await asyncio.gather(*(analyst(url, key, i, start, latencies, errors) for i in range(sessions)))
    return dict(
        latencies=sorted(latencies),
        errors=errors,
        cpu_per_rerun=(server_cpu_s(pid) - start.cpu) / max(len(latencies), 1),
        rss_mib=rss_mib(pid),
        client_cpu=time.process_time() - start.client_cpu,
    )


def percentile(values: list[float], share: float) -> float:
    """The ``share`` quantile of ``values`` (inclusive method); NaN when empty."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


async def run(levels: list[int], seconds: float, key: str, script: Path) -> None:
    """Every level against one server; print a table row per level and the first N past the p90 limit."""
    with running_app(script=script) as (url, server):
        print(f"page: {script.name}; ", end="")
        print(f"one server (pid {server.pid}), slider '{key}' moved every {MOVE_EVERY_S:.0f} s per session, ", end="")
        print(f"{seconds:.0f} s per level; CPU per rerun is the server's user + system time")
        header = ("sessions", "reruns", "p50 ms", "p90 ms", "CPU/rerun ms", "RSS MiB", "errors")
        print(" ".join(f"{h:>{w}}" for h, w in zip(header, (8, 7, 8, 8, 13, 8, 7), strict=True)))
        await level(url, server.pid, key, 1, 2 * MOVE_EVERY_S)  # warm the server: imports, caches, first pages
        p90s = {}
        for sessions in levels:
            figures = await level(url, server.pid, key, sessions, seconds)
            p50, p90 = percentile(figures["latencies"], 0.5), percentile(figures["latencies"], 0.9)
            print(
                f"{sessions:>8} {len(figures['latencies']):>7} {p50 * 1000:>8.0f} {p90 * 1000:>8.0f} "
                f"{figures['cpu_per_rerun'] * 1000:>13.1f} {figures['rss_mib']:>8.0f} {len(figures['errors']):>7}   "
                f"(client CPU {figures['client_cpu']:.1f} s)",
                flush=True,
            )
            for line in figures["errors"][:3]:
                print("    " + line)
            p90s[sessions] = p90
    over = [n for n, p90 in p90s.items() if p90 > P90_LIMIT_S]
    for_good = next((n for n in levels if all(p90s[m] > P90_LIMIT_S for m in levels if m >= n)), None)
    limit = f"{P90_LIMIT_S * 1000:.0f} ms"
    print(f"p90 first passes {limit} at: {over[0] if over else 'none up to ' + str(levels[-1])} sessions; ", end="")
    print(f"above {limit} at every level from: {for_good if for_good else 'none'} sessions")


def main() -> None:
    """Parse the options and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)), help="session counts, comma-separated")
    parser.add_argument("--seconds", type=float, default=20.0, help="seconds per level")
    parser.add_argument("--slider", default="plant1.peak")
    parser.add_argument("--bare", action="store_true", help="drive the bare page (same sidebar, no model) instead")
    options = parser.parse_args()
    levels = [min(int(n), 64) for n in options.levels.split(",")]
    script = ROOT / ("benchmarks/bare_page.py" if options.bare else "app.py")
    asyncio.run(run(levels, min(options.seconds, 300.0), options.slider, script))


if __name__ == "__main__":
    main()
