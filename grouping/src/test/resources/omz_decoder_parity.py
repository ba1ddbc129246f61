"""Runs Open Model Zoo's own OpenPoseDecoder on frames written by OmzDecoderParityTest and compares its
people with PoseGate's, bit for bit. Usage: python omz_decoder_parity.py OPEN_POSE_PY FRAME_DIR FRAMES

OPEN_POSE_PY is open_pose.py from Open Model Zoo's model API (e.g. the openmodelzoo-modelapi wheel);
only its OpenPoseDecoder class is loaded. Needs numpy. Prints one line per difference, then a summary,
and exits 1 when anything differs."""
import ast
import json
import sys
import time

import numpy as np

source_file, frame_dir, frames = sys.argv[1], sys.argv[2], int(sys.argv[3])
tree = ast.parse(open(source_file).read())
decoder_class = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == 'OpenPoseDecoder'][0]
namespace = {'np': np, 'clip': np.clip}
exec(compile(ast.Module(body=[decoder_class], type_ignores=[]), source_file, 'exec'), namespace)
decoder = namespace['OpenPoseDecoder']()
# PoseGate's COCO-18 keypoint j -> the decoder's COCO-17 output slot (the neck has none)
coco17_slot = [0, -1, 6, 8, 10, 5, 7, 9, 12, 14, 16, 11, 13, 15, 2, 1, 4, 3]


def max_pool_nms(heatmaps):
    """The 3x3 stride-1 max pool Open Model Zoo adds to the network, then heatmaps * (heatmaps == pooled)."""
    h, w = heatmaps.shape[2:]
    padded = np.pad(heatmaps, ((0, 0), (0, 0), (1, 1), (1, 1)), constant_values=-np.inf)
    pooled = np.max(np.stack([padded[:, :, dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)]), axis=0)
    return heatmaps * (heatmaps == pooled)


ours = json.load(open(f'{frame_dir}/posegate.json'))
differences = 0
people = 0
seconds = 0.0
for f in range(frames):
    heatmaps = np.load(f'{frame_dir}/heatmaps{f}.npy')
    pafs = np.load(f'{frame_dir}/pafs{f}.npy')
    nms = max_pool_nms(heatmaps)
    started = time.perf_counter()
    poses, scores = decoder(heatmaps, nms, pafs)
    seconds += time.perf_counter() - started
    mine = ours[f]
    if len(mine) != len(poses):
        differences += 1
        print(f'frame {f}: PoseGate found {len(mine)} people, the decoder {len(poses)}')
        continue
    for i, person in enumerate(mine):
        people += 1
        same = np.float32(person['score']) == np.float32(scores[i])
        for j, kp in enumerate(person['keypoints']):
            if coco17_slot[j] >= 0:
                got = np.zeros(3, np.float32) if kp is None else np.array(kp, np.float32)
                same &= bool(np.all(poses[i, coco17_slot[j]].astype(np.float32) == got))
        if not same:
            differences += 1
            print(f'frame {f} person {i}: PoseGate {person} vs decoder score {scores[i]} keypoints {poses[i].tolist()}')
print(f'frames {frames} people {people} differences {differences}; '
      f'decoder {1e3 * seconds / frames:.2f} ms/frame (numpy {np.__version__})')
sys.exit(1 if differences else 0)
