"""Ctrl-C and weft.interrupt() stop a long Weft call with KeyboardInterrupt,
and the module stays usable."""
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

import weft

SPIN = """
def spin(n: i64) -> i64:
    s = 0
    i = 0
    while i < n:
        s += i % 7
        i += 1
    return s

def nested(n: i64) -> i64:
    s = 0
    for i in range(n):
        for j in range(n):
            s += (i ^ j) % 3
    return s
"""

CHILD = textwrap.dedent("""
    import weft
    m = weft.compile(%r, "spin.weft")
    try:
        print(m.spin(10), flush=True)   # the parent interrupts after this
        m.spin(10**15)
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    print(m.spin(10), flush=True)
""") % SPIN


def test_ctrl_c_stops_a_long_call():
    child = subprocess.Popen([sys.executable, "-c", CHILD],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=dict(os.environ))
    try:
        assert child.stdout.readline() == "24\n"   # compiled and running
        time.sleep(0.3)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert (out, child.returncode) == ("interrupted\n24\n", 0), err


@pytest.mark.parametrize("function,small", [("spin", 24), ("nested", 90)])
def test_interrupt_from_another_thread(function, small):
    m = weft.compile(SPIN, "spin.weft")
    assert getattr(m, function)(10) == small
    done = threading.Event()

    def stopper():
        # Until the call is over: a request made before it started is
        # cleared when it starts.
        while not done.wait(0.2):
            weft.interrupt()

    thread = threading.Thread(target=stopper)
    thread.start()
    t0 = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt,
                           match=r"spin.weft:\d+: KeyboardInterrupt: "
                                 r"interrupted \(Ctrl-C\)"):
            getattr(m, function)(10**6 if function == "nested" else 10**15)
    finally:
        done.set()
        thread.join()
    assert time.monotonic() - t0 < 20
    assert m.spin(10) == 24                       # a later call runs
