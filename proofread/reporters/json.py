"""The JSON report: a stable, documented schema (see README, "JSON output").

{"version": 1,
 "files": [{"path", "encoding", "changed", "findings": [Finding.to_dict() + {"applied"}]}],
 "summary": {"files", "findings", "safe", "by_rule": {code: n}}}
"""

from __future__ import annotations

import json

from . import counts_by_rule

SCHEMA_VERSION = 1


def to_data(results) -> dict:
    files = []
    for tf, _doc, findings, applied in results:
        used = {id(f) for f in applied.applied}
        items = []
        for f in findings:
            item = f.to_dict()
            item["applied"] = id(f) in used
            items.append(item)
        files.append({"path": tf.path, "encoding": tf.encoding, "changed": applied.text != tf.text, "findings": items})
    counts = counts_by_rule(results)
    return {
        "version": SCHEMA_VERSION,
        "files": files,
        "summary": {
            "files": len(results),
            "findings": sum(counts.values()),
            "safe": sum(1 for _, _, fs, _ in results for f in fs if f.safe),
            "by_rule": dict(sorted(counts.items())),
        },
    }


def render(results, stream, color: bool) -> None:
    json.dump(to_data(results), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
