// Draws one pose frame on a canvas whose pixel grid is the frame's source pixels (width x height).
// Limbs are coloured by their index in the topology, keypoints by theirs; each keypoint's confidence
// is its opacity, a limb's is the lower of its two ends; tracked people get their id as a label.

const MIN_ALPHA = 0.15;

export function limbColor(i, n) {
  return `hsl(${Math.round((360 * i) / Math.max(1, n))}, 95%, 55%)`;
}

export function drawPoses(canvas, frame, topology) {
  if (canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas.width = frame.width;
    canvas.height = frame.height;
  }
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const limbs = (topology && topology.limbs) || [];
  const scale = Math.max(frame.width, frame.height) / 640;
  const line = Math.max(2, 3 * scale);
  const dot = Math.max(2.5, 4 * scale);
  for (const person of frame.people || []) {
    const kps = person.keypoints || [];
    limbs.forEach(([a, b], i) => {
      const p = kps[a];
      const q = kps[b];
      if (!p || !q) return;
      ctx.globalAlpha = alpha(Math.min(p.score, q.score));
      ctx.strokeStyle = limbColor(i, limbs.length);
      ctx.lineWidth = line;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(q.x, q.y);
      ctx.stroke();
    });
    kps.forEach((k, i) => {
      if (!k) return;
      ctx.globalAlpha = alpha(k.score);
      ctx.fillStyle = limbColor(i, kps.length);
      ctx.beginPath();
      ctx.arc(k.x, k.y, dot, 0, 2 * Math.PI);
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#000';
      ctx.stroke();
    });
    label(ctx, person, kps, scale);
  }
  ctx.globalAlpha = 1;
}

function alpha(score) {
  const s = Number.isFinite(score) ? score : 0;
  return Math.max(MIN_ALPHA, Math.min(1, s));
}

function label(ctx, person, kps, scale) {
  if (person.id === undefined || person.id === null || person.id < 0) return;
  let top = null;
  for (const k of kps) {
    if (k && (top === null || k.y < top.y)) top = k;
  }
  if (!top) return;
  const text = `#${person.id}`;
  ctx.globalAlpha = 0.85;
  ctx.font = `bold ${Math.round(14 * scale)}px sans-serif`;
  const w = ctx.measureText(text).width + 8 * scale;
  const h = 18 * scale;
  const x = top.x - w / 2;
  const y = Math.max(0, top.y - h - 10 * scale);
  ctx.fillStyle = '#111';
  ctx.fillRect(x, y, w, h);
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#fff';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + 4 * scale, y + h / 2);
}
