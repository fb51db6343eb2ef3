"""When a rerun's first card reaches the browser, against when the rerun ends: the page and the bare page.

Run ``python -m benchmarks.timeline``. For each page (``app.py``, then ``benchmarks/bare_page.py``) it starts one
real Streamlit server, opens one session over Streamlit's websocket protocol (the client of
``benchmarks.capacity``), and 12 times moves ``plant1.peak`` to a new value, timing from the widget change sent to
the first metric's delta and to the rerun's ``script_finished``. It prints the medians, the messages before the
first metric and the bytes a rerun sends. It tells where a key press's latency goes: if the first card arrives
only as the rerun ends, the card text waits for the whole rerun, wherever the cards sit in the script.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from benchmarks.capacity import TIMEOUT_S, Session, find_slider
from tools.streamlit_server import ROOT, running_app

SLIDER = "plant1.peak"
MOVES = 12
PAUSE_S = 0.3  # between moves: the server is idle when each move starts


def _is_metric(reply: ForwardMsg) -> bool:
    delta = reply.delta if reply.WhichOneof("type") == "delta" else None
    return (
        delta is not None
        and delta.WhichOneof("type") == "new_element"
        and (delta.new_element.WhichOneof("type") == "metric")
    )


async def _moves(url: str, moves: int) -> list[tuple[float, float, int, int, int]]:
    """(seconds to the first metric, seconds to the end, messages up to the metric, messages, bytes) per move."""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with connect(stream, subprotocols=["streamlit"], origin=url, max_size=None) as websocket:
        session = Session(websocket)
        slider = find_slider(await session.rerun(), SLIDER)
        rng, rows = random.Random(1), []
        for _ in range(moves):
            message = BackMsg()
            message.rerun_script.page_script_hash = session.page_script_hash
            widget = message.rerun_script.widget_states.widgets.add()
            widget.id = slider.widget_id
            widget.double_array_value.data.append(slider.value(rng))
            start = time.perf_counter()
            await websocket.send(message.SerializeToString())
            first, before, count, size = float("nan"), 0, 0, 0
            while True:
                raw = await asyncio.wait_for(websocket.recv(), TIMEOUT_S)
                reply = ForwardMsg()
                reply.ParseFromString(raw)
                count, size = count + 1, size + len(raw)
                if _is_metric(reply) and before == 0:
                    first, before = time.perf_counter() - start, count
                if reply.WhichOneof("type") == "script_finished":
                    rows.append((first, time.perf_counter() - start, before, count, size))
                    break
            await asyncio.sleep(PAUSE_S)
        return rows


def main() -> None:
    """Print each page's medians."""
    for name, script in (("page", ROOT / "app.py"), ("bare page", ROOT / "benchmarks" / "bare_page.py")):
        with running_app(script=script) as (url, _):
            rows = asyncio.run(_moves(url, MOVES))
        first, end = (statistics.median(r[i] for r in rows) * 1000 for i in (0, 1))
        before, count, size = (statistics.median(r[i] for r in rows) for i in (2, 3, 4))
        print(
            f"{name:<10} first metric {first:5.0f} ms (message {before:.0f} of {count:.0f}), "
            f"rerun ends {end:5.0f} ms, {size / 1024:.0f} KiB sent ({MOVES} moves, medians)"
        )


if __name__ == "__main__":
    main()
