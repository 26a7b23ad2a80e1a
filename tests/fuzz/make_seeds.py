#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the fuzzer's seed corpus (tests/fuzz/corpus/): every fixture of tests/data, the
# progressing call as merge sequences (bodies joined by 0x1e, as the fuzz target splits
# them), and edge cases the fixtures do not cover. Rerun after adding a fixture; libFuzzer
# adds its own finds to a separate directory (see README, "Fuzzing").
import json, pathlib

here = pathlib.Path(__file__).resolve().parent
data = here.parent / "data"
out = here / "corpus"
out.mkdir(exist_ok=True)
RS = b"\x1e"

def write(name, body):
    (out / name).write_bytes(body if isinstance(body, bytes) else body.encode())

for f in sorted(data.glob("*.json")):
    write("data-" + f.name, f.read_bytes())

progress = [(data / f"progress-{i}.json").read_bytes() for i in range(1, 6)]
write("merge-progress-1-2-3", RS.join(progress[0:3]))
write("merge-progress-3-4-5", RS.join(progress[2:5]))
write("merge-progress-5-1", RS.join([progress[4], progress[0]]))
write("merge-shapes-then-hostile", RS.join([(data / "tree-shapes.json").read_bytes(),
                                            (data / "hostile.json").read_bytes()]))

def call(fcs, call_id="c_edge", **extra):
    c = {"callID": call_id, "status": "running", "functionCalls": fcs}
    c.update(extra)
    return json.dumps({"call": c})

def fc(i, src=None, status="running", **extra):
    d = {"functionCallID": i, "functionName": "fn-" + i, "type": "transform", "status": status}
    if src is not None:
        d["sourceFunctionCallID"] = src
    d.update(extra)
    return d

write("edge-empty", b"")
write("edge-deep-array", b"[" * 20000 + b"]" * 20000)
write("edge-deep-object", b'{"call":' * 5000 + b"{}" + b"}" * 5000)
write("edge-invalid-utf8", b'{"call":{"callID":"c_\xff\xfe","functionCalls":[{"functionCallID":"\xc3\x28","functionName":"\xed\xa0\x80"}]}}')
write("edge-cycle", call([fc("a", "c"), fc("b", "a"), fc("c", "b")]))
write("edge-self-parent", call([fc("a", "a")]))
write("edge-duplicate-ids", call([fc("a"), fc("a", status="failed"), fc("b", "a"), fc("b", "a")]))
write("edge-missing-parent", call([fc("orphan", "nowhere"), fc("x", "orphan")]))
write("edge-chain-deep", call([fc("n0")] + [fc(f"n{i}", f"n{i-1}") for i in range(1, 3000)]))
write("edge-wide", call([fc(f"w{i}", status=["pending", "running", "completed", "failed", "zzz"][i % 5]) for i in range(2000)]))
write("edge-wrong-types", json.dumps({"call": {"callID": 5, "functionCalls": [
    {"functionCallID": ["x"], "activity": "no", "inputs": {"a": 1}, "functionVersionNum": "3",
     "startedAt": 17, "status": None}, 3, None, "s"]}}))
write("edge-big-numbers", json.dumps({"call": {"callID": "n", "workflowVersionNum": 1e308,
    "functionVersionNum": -9223372036854775809, "functionCalls": [
    {"functionCallID": "f", "functionVersionNum": 1.5e19}]}}))
write("edge-times", call([fc("t", startedAt="2026-11-30T10:00:00Z", finishedAt="1970-01-01T00:00:00Z"),
                          fc("u", startedAt="9999-12-31T23:59:59.999999999+14:00", finishedAt="not a time")],
                         createdAt="0000-00-00T00:00:00Z", finishedAt="2026-02-30T25:61:61Z"))
write("edge-long-name", call([fc("l", functionName="x" * 100000)]))
write("edge-rtl-and-nul", call([fc("r\u202e", functionName="abc\u202edef\u0000ghi\u200f")]))
write("edge-activity", call([fc("a", activity=[{"displayName": "s%d" % i, "status": "running"} for i in range(500)])]))
a1 = call([fc("a"), fc("b", "a"), fc("c", "b")])
a2 = call([fc("c", "a", status="failed"), fc("a", status="completed"), fc("d", "c")])
a3 = call([fc("d"), fc("b", "d")])
write("merge-reparent", RS.join([a1.encode(), a2.encode(), a3.encode()]))
write("merge-other-call", RS.join([a1.encode(), call([fc("a")], call_id="c_other").encode(), a1.encode()]))
write("merge-to-empty", RS.join([a1.encode(), call([]).encode(), a2.encode()]))
# Refreshes the incremental parse must read exactly as a full parse does —
# escapes and brackets inside strings, elements inserted, removed and reordered, the
# same bytes reformatted, and a pending call that has no functionCalls yet.
r1 = call([fc("a", note='q"u\\o]t,e}{[', title="\u00e9"), fc("b", "a"), fc("c", "b")])
r2 = call([fc("x"), fc("a", note='q"u\\o]t,e}{[', title="\u00e9"), fc("c", "b", status="failed"), fc("b", "a")])
r3 = json.dumps(json.loads(r2), indent=2)
write("refresh-escapes-shifted-reformatted", RS.join([r1.encode(), r2.encode(), r3.encode()]))
write("refresh-from-pending", RS.join([json.dumps({"call": {"callID": "c_edge", "status": "pending"}}).encode(),
                                      a1.encode(), a2.encode()]))
# What the simdjson fast path decides for itself or hands to the Qt path: duplicated
# and escaped keys, numbers at the edges of integers and doubles, escapes and surrogates,
# unknown values deep and wide, a byte order mark and trailing bytes.
write("fast-duplicate-keys", b'{"call":{"callID":"a","functionCalls":[{"functionCallID":"x",'
      b'"functionCallID":"y","extra":1,"extra":2}],"callID":"b"},"error":"e","error":"f"}')
write("fast-escaped-keys", RS.join([a1.encode(), a1.replace('"functionCalls"', '"function\\u0043alls"')
      .replace('"status"', '"st\\u0061tus"').encode()]))
write("fast-numbers", b'{"call":{"callID":"n","workflowVersionNum":-0,"functionVersionNum":9007199254740993,'
      b'"x":[-0,0.0,1e2,1E-2,18446744073709551615,18446744073709551616,-9223372036854775808,2.0],'
      b'"functionCalls":[{"functionCallID":"f","functionVersionNum":2.0,"activity":[],"inputs":[]}]}}')
write("fast-escapes", '{"call":{"callID":"\\u00e9\\ud83d\\ude00\\n\\"\\\\\\/","functionCalls":'
      '[{"functionCallID":"\\ud800","functionName":"\\udc00x"},{"functionCallID":"\\u0000"}]}}')
wide = {"k%d" % i: i for i in range(300)}
deep_unknown = {}
cur = deep_unknown
for i in range(80):
    cur["d"] = {}
    cur = cur["d"]
write("fast-unknown-wide-deep", RS.join([call([fc("a", extra=wide)]).encode(),
                                         call([fc("a", extra=deep_unknown)]).encode(),
                                         call([fc("a")], extra={"k": [wide]}).encode()]))
write("fast-bom-and-trailing", RS.join([b"\xef\xbb\xbf" + a1.encode(), a1.encode() + b" \n\t",
                                        a1.encode() + b"\x00", a1.encode() + b"]"]))
write("fast-nulls", RS.join([call([fc("a", referenceID=None)]).encode(),
                             json.dumps({"call": {"callID": "c", "input": {"singleFile": None,
                                         "batchFiles": {"inputs": None, "other": [1]}, "x": 2}}}).encode()]))
# v3: an input starting with "V" is a call, a trace and a later trace (fuzz_callload.cpp).
def v3(*bodies):
    return b"V" + RS.join(b if isinstance(b, bytes) else b.encode() for b in bodies)

v3call = (data / "v3-call-partly-failed.json").read_bytes()
v3trace = (data / "v3-trace.json").read_bytes()
def trace(fcs, events):
    return json.dumps({"trace": {"functionCalls": fcs, "events": events}})
def ev(i, owner, kind="transform", **extra):
    d = {"eventID": i, "eventType": kind, "functionCallID": owner, "functionCallTryNumber": 1}
    d.update(extra)
    return d
t1 = trace([fc("a"), fc("b", sourceEventID="e1")], [ev("e1", "a", "route", choice="x")])
t2 = trace([fc("a", status="completed"), fc("b", sourceEventID="e1"), fc("c", sourceEventID="e2")],
           [ev("e1", "a", "route", choice="x"), ev("e2", "b", "split_item", itemOffset=0),
            ev("e3", "c", "error", message="boom", functionCallTryNumber=2), ev("e4", "gone")])
write("v3-fixtures", v3(v3call, v3trace, v3trace.replace(b'"completed"', b'"failed"')))
write("v3-growing", v3(v3call, t1, t2))
write("v3-trace-fails-then-works", v3(v3call, t1, b'{"trace":{"functionCalls":[', t2))
write("v3-wrong-types", v3(json.dumps({"call": {"callID": 3, "outputs": {"a": 1}, "errors": [None, 2]}}),
                           json.dumps({"trace": {"functionCalls": [1, {"functionCallID": ["x"], "sourceEventID": 5}],
                                                 "events": [None, {"functionCallID": "x", "avgConfidence": 7,
                                                                   "itemOffset": "1"}]}})))
deep = {}
cur = deep
for i in range(300):
    cur["a"] = {}
    cur = cur["a"]
hostile_event = ev("h", "a", transformedContent=deep, choice="<b>" + "x" * 200000 + "</b>",
                   fieldConfidences={"/a~1b/c~0d": 0.5, "": 1.5, "/missing": "high"},
                   **{"a/b": {"~": "<script>x</script>"}})
# An event nested just deep enough that the whole body passes Qt's depth limit only
# when the event is read on its own.
def deep_event_trace(depth):
    return '{"trace":{"functionCalls":[],"events":[{"eventID":"d","x":' + "[" * depth + "]" * depth + "}]}}"
write("v3-fast-deep-event", v3(v3call, deep_event_trace(1020), deep_event_trace(1021)))
write("v3-hostile", v3(v3call, trace([fc("a", functionName="<i>html</i>")], [hostile_event])))
write("v3-pages", v3(json.dumps({"outputs": [ev("o1", "a"), 3], "totalCount": 140}),
                     json.dumps({"errors": [ev("e1", "a", "error", message="m")], "totalCount": "x"}),
                     json.dumps({"output": ev("o2", "a")})))
bundle = {"bemCallInspectorBundle": 1, "apiVersion": "v3",
          "call": json.loads(v3call)["call"], "trace": json.loads(v3trace)["trace"],
          "outputs": json.loads(v3call)["call"]["outputs"], "errors": json.loads(v3call)["call"]["errors"]}
write("bundle-v3", json.dumps(bundle))
write("bundle-newer", json.dumps(dict(bundle, bemCallInspectorBundle=2)))
write("bundle-incomplete", json.dumps({"bemCallInspectorBundle": 1, "apiVersion": "v3", "call": {}}))

# Pages of the calls list: a first page, a refresh with a new call on top and a status
# change, a next page repeating a call; and a hostile page.
def listed(i, status="completed", **extra):
    return dict(callID=f"wf_{i}", status=status, workflowName="invoice-pipeline",
                callReferenceID=f"acme-{i}", createdAt=f"2026-11-30T10:{i:02d}:00Z", **extra)
def page(calls, total):
    return json.dumps({"calls": calls, "totalCount": total})
write("list-first-refresh-next", RS.join([
    page([listed(3, "running"), listed(2), listed(1)], 5).encode(),
    page([listed(4, "pending"), listed(3, "failed"), listed(2)], 6).encode(),
    page([listed(2), listed(0)], 6).encode()]))
write("list-hostile", RS.join([
    page([{"callID": "<b>x</b>", "workflowName": "\u202e<img src=x>"}, 7, None,
          {"callID": 5}, {"callID": "dup"}, {"callID": "dup", "status": 3},
          {"callID": "long", "callReferenceID": "r" * 5000}], "many").encode(),
    b'{"calls": {"not": "an array"}}', page([], 0).encode()]))
