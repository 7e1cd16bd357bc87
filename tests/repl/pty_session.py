"""Drives `weft` (alone: the prompt) through a pseudo-terminal, as a user at a keyboard:
line editing (libedit), tab completion, Ctrl-C on a running loop and on a
half-typed line, state kept across entries, Ctrl-D to leave.

Usage: pty_session.py WEFT. Exit status 0 if every check passed."""
import os
import pty
import select
import sys
import time

weft = sys.argv[1]
pid, fd = pty.fork()
if pid == 0:
    os.environ["HOME"] = os.environ.get("TMPDIR", "/tmp")
    os.execv(weft, [weft])  # alone on a terminal: the prompt

buffer = b""


def read_until(token, timeout=20.0):
    """Reads the terminal until `token` appears after what was read so far."""
    global buffer
    end = time.time() + timeout
    while token.encode() not in buffer:
        left = end - time.time()
        if left <= 0:
            raise SystemExit("timed out waiting for %r; the terminal shows:\n%s"
                             % (token, buffer.decode(errors="replace")))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            buffer += chunk
    i = buffer.index(token.encode()) + len(token)
    seen, buffer = buffer[:i].decode(errors="replace"), buffer[i:]
    return seen


def send(text):
    # libedit sets the terminal up after printing the prompt and flushes
    # input that arrives before (TCSAFLUSH): give it a moment.
    time.sleep(0.2)
    os.write(fd, text.encode())


failures = []


def check(what, cond):
    print(("ok    " if cond else "FAIL  ") + what)
    if not cond:
        failures.append(what)


out = read_until(">>> ")
check("`weft` alone on a terminal starts the prompt", "interactive" in out)
send("a = arange(4) * 1.5\r")
read_until(">>> ")
send("a\r")
out = read_until(">>> ")
check("an expression prints its value", "[0.  1.5 3.  4.5]" in out)

# Tab completion of a builtin and of a session variable.
send("aran\t")
time.sleep(0.5)  # libedit redraws the completed word in place
send("(3)\r")
out = read_until(">>> ")
check("tab completes 'aran' to 'arange'", "[0 1 2]" in out)

# Line editing: a typo fixed with backspace.
send("b = 2\x7f3\r")
read_until(">>> ")
send("b\r")
out = read_until(">>> ")
check("backspace edits the line (b = 3)", "\n3" in out.replace("\r", ""))

# Ctrl-C on a running loop: KeyboardInterrupt, the session lives on.
send("s = 0\r")
read_until(">>> ")
send("while True:\r")
read_until("... ")
send("    s += 1\r")
read_until("... ")
send("\r")
time.sleep(1.0)
send("\x03")
out = read_until(">>> ", timeout=20)
check("Ctrl-C stops a running loop with KeyboardInterrupt",
      "KeyboardInterrupt" in out)
send("a[3] + b\r")
out = read_until(">>> ")
check("variables survive the interrupt", "7.5" in out)

# Ctrl-C on a half-typed line discards it.
send("this is not weft")
time.sleep(0.3)
send("\x03")
out = read_until(">>> ")
check("Ctrl-C discards the line being typed", "KeyboardInterrupt" in out)
send("b * 2\r")
out = read_until(">>> ")
check("the prompt works after it", "\n6" in out.replace("\r", ""))

# Ctrl-D leaves (sent again if a key was lost; never wait forever).
status = None
for attempt in range(10):
    send("\x04")
    for _ in range(20):
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        time.sleep(0.1)
    if status is not None:
        break
if status is None:
    os.kill(pid, 9)
    os.waitpid(pid, 0)
check("Ctrl-D leaves with status 0", status is not None and
      os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0)
sys.exit(1 if failures else 0)
