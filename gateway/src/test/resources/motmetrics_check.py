"""Reads PoseGate's recorded tracking frames (JSON lines: objects, hypotheses, distances with null for
no match) and prints PyPI motmetrics' summary of them as one JSON object."""
import json
import sys

import motmetrics as mm
import numpy as np

acc = mm.MOTAccumulator(auto_id=True)
with open(sys.argv[1]) as f:
    for line in f:
        frame = json.loads(line)
        objects, hypotheses = frame["objects"], frame["hypotheses"]
        rows = [[np.nan if d is None else d for d in row] for row in frame["distances"]]
        dists = np.array(rows, dtype=float).reshape(len(objects), len(hypotheses))
        acc.update(objects, hypotheses, dists)
names = ["num_frames", "mota", "num_switches", "idf1", "idtp", "num_false_positives", "num_misses",
         "num_objects", "num_predictions"]
summary = mm.metrics.create().compute(acc, metrics=names, name="run")
print(json.dumps({n: float(summary[n].iloc[0]) for n in names}))
