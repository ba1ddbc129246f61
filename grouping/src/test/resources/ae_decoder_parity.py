"""Runs Open Model Zoo's own AssociativeEmbeddingDecoder (model API 2022.3.0) with its wrapper's settings on
frames written by AeOmzParityTest and compares its people with PoseGate's, bit for bit.
Usage: python ae_decoder_parity.py HPE_ASSOCIATIVE_EMBEDDING_PY FRAME_DIR FRAMES NMS_KERNEL

Only the Pose and AssociativeEmbeddingDecoder classes are loaded from the file. Needs numpy and scipy.
Prints one line per difference, then a summary, and exits 1 when anything differs."""
import ast
import json
import sys

import numpy as np
from scipy.optimize import linear_sum_assignment

source_file, frame_dir, frames, kernel = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
tree = ast.parse(open(source_file).read())
wanted = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name in ('Pose', 'AssociativeEmbeddingDecoder')]
namespace = {'np': np, 'linear_sum_assignment': linear_sum_assignment}
exec(compile(ast.Module(body=wanted, type_ignores=[]), source_file, 'exec'), namespace)


def max_pool_nms(heatmaps, k):
    """What the network's NMS output holds: heatmaps where they equal their k x k max (-inf padding), else 0."""
    h, w = heatmaps.shape[2:]
    r = k // 2
    padded = np.pad(heatmaps, ((0, 0), (0, 0), (r, r), (r, r)), constant_values=-np.inf)
    pooled = np.max(np.stack([padded[:, :, dy:dy + h, dx:dx + w] for dy in range(k) for dx in range(k)]), axis=0)
    return np.where(heatmaps == pooled, heatmaps, np.float32(0))


ours = json.load(open(f'{frame_dir}/posegate.json'))
differences = 0
people = 0
for f in range(frames):
    heatmaps = np.load(f'{frame_dir}/heatmaps{f}.npy')
    tags = np.load(f'{frame_dir}/tags{f}.npy')
    decoder = namespace['AssociativeEmbeddingDecoder'](
        num_joints=heatmaps.shape[1], adjust=True, refine=True, delta=0.0, max_num_people=30,
        detection_threshold=0.1, tag_threshold=1, pose_threshold=0.1, use_detection_val=True,
        ignore_too_much=False, dist_reweight=True)
    nms = max_pool_nms(heatmaps, kernel)
    poses, scores = decoder(heatmaps.copy(), tags, nms)
    mine = ours[f]
    if len(mine) != len(poses):
        differences += 1
        print(f'frame {f}: PoseGate found {len(mine)} people, the decoder {len(poses)}')
        continue
    for i, person in enumerate(mine):
        people += 1
        same = np.float32(person['score']) == np.float32(scores[i])
        for j, kp in enumerate(person['keypoints']):
            theirs = poses[i, j, :3].astype(np.float32)
            if kp is None:
                same &= bool(theirs[2] == 0)
            else:
                got = np.array([kp[0] - 0.5, kp[1] - 0.5, kp[2]], np.float32)
                same &= bool(np.all(theirs == got))
        if not same:
            differences += 1
            print(f'frame {f} person {i}: PoseGate {person} vs decoder score {scores[i]} keypoints {poses[i, :, :3].tolist()}')
print(f'frames {frames} people {people} differences {differences} (numpy {np.__version__})')
sys.exit(1 if differences else 0)
