#!/usr/bin/env python3
"""How long `dx lsp` takes to re-diagnose after an edit.

    cargo bench --bench check -- --only check   # makes target/bench-trees/10000
    scripts/lsp-latency.py [TREE]

Opens S-000001 of the tree, alternates a broken link in and out of it nine
times, and times each didChange until the server has published and answers
the next request. Prints each time and the median.
"""
import glob, json, os, subprocess, sys, time

here = __file__.rsplit("/scripts/", 1)[0]
root = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else f"{here}/target/bench-trees/10000"
p = subprocess.Popen([f"{here}/target/release/dx", "--today", "2026-11-24", "lsp"],
                     cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(m):
    body = json.dumps(m).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

def read():
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        head += p.stdout.read(1)
    return json.loads(p.stdout.read(int(head.split(b":")[1].split(b"\r")[0])))

def until(i):
    while read().get("id") != i:
        pass

send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
until(1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
path = sorted(glob.glob(root + "/*/*/S-000001.toml"))[0]
uri = "file://" + path
text = open(path, encoding="utf-8").read()
broken = text.replace('solves = ["', 'solves = ["K-999999", "', 1)
hover = lambda i: {"jsonrpc": "2.0", "id": i, "method": "textDocument/hover",
                   "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}}
send(hover(2))
until(2)
times = []
for i in range(9):
    start = time.time()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": i + 2},
                     "contentChanges": [{"text": broken if i % 2 == 0 else text}]}})
    send(hover(10 + i))
    until(10 + i)
    times.append((time.time() - start) * 1000)
print("re-diagnose ms:", [round(t) for t in times], "median", round(sorted(times)[4]))
send({"jsonrpc": "2.0", "id": 99, "method": "shutdown", "params": None})
until(99)
send({"jsonrpc": "2.0", "method": "exit", "params": None})
