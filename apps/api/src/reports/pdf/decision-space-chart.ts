// The decision-space chart as inline SVG: each officer a dot at (false-alarm rate, hit rate), with iso-d′ curves
// H = Φ(d′ + Φ⁻¹(F)) so skill (distance from the diagonal) and bias (position along a curve) show at once.
// Built from numbers only; the one piece of text from outside (the axis titles) goes through `html`.
import { inverseNormalCdf, normalCdf } from '@firstline/scoring';
import { html, trusted, type SafeHtml } from './html';

export interface ChartPoint {
  /** Printed beside the dot; the officers table's # column. */
  label: string;
  falseAlarmRate: number;
  hitRate: number;
  /** Too few decisions to judge: drawn hollow. */
  faint: boolean;
}

const SIZE = 250;
const PAD = { left: 34, right: 10, top: 10, bottom: 30 };
const ISO_D = [0.5, 1, 2, 3];

const x = (f: number) => PAD.left + f * (SIZE - PAD.left - PAD.right);
const y = (h: number) => SIZE - PAD.bottom - h * (SIZE - PAD.top - PAD.bottom);
const f1 = (n: number) => n.toFixed(1);

/** Points of the iso-d′ curve from F = 0.001 to 0.999 (the rates 0 and 1 sit at ±∞ on the z scale). */
export function isoSensitivityCurve(dPrime: number, steps = 60): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i <= steps; i++) {
    const f = 0.001 + (0.998 * i) / steps;
    out.push([f, normalCdf(dPrime + inverseNormalCdf(f))]);
  }
  return [[0, 0], ...out, [1, 1]];
}

export function decisionSpaceChart(points: ChartPoint[], axis: { falseAlarmRate: string; hitRate: string }): SafeHtml {
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${f1(x(t))}" y1="${f1(y(0))}" x2="${f1(x(t))}" y2="${f1(y(1))}" class="grid"/>` +
        `<line x1="${f1(x(0))}" y1="${f1(y(t))}" x2="${f1(x(1))}" y2="${f1(y(t))}" class="grid"/>` +
        `<text x="${f1(x(t))}" y="${f1(y(0) + 11)}" class="tick" text-anchor="middle">${t}</text>` +
        `<text x="${f1(x(0) - 4)}" y="${f1(y(t) + 3)}" class="tick" text-anchor="end">${t}</text>`,
    )
    .join('');
  const curves = ISO_D.map((d) => {
    const pts = isoSensitivityCurve(d);
    const path = pts.map(([f, h], i) => `${i ? 'L' : 'M'}${f1(x(f))},${f1(y(h))}`).join('');
    const [lf, lh] = pts[Math.round(pts.length * 0.18)];
    return `<path d="${path}" class="iso"/><text x="${f1(x(lf) + 3)}" y="${f1(y(lh) - 2)}" class="iso-label">d′=${d}</text>`;
  }).join('');
  const diagonal = `<line x1="${f1(x(0))}" y1="${f1(y(0))}" x2="${f1(x(1))}" y2="${f1(y(1))}" class="chance"/>`;
  const dots = points.map(
    (p) =>
      html`<circle
          cx="${f1(x(p.falseAlarmRate))}"
          cy="${f1(y(p.hitRate))}"
          r="3.2"
          class="${p.faint ? 'dot faint' : 'dot'}"
        /><text x="${f1(x(p.falseAlarmRate) + 4)}" y="${f1(y(p.hitRate) - 3)}" class="dot-label">${p.label}</text>`,
  );
  return html`<svg
    class="decision-space"
    viewBox="0 0 ${SIZE} ${SIZE}"
    width="${SIZE}"
    height="${SIZE}"
    role="img"
    direction="ltr"
  >
    ${trusted(grid)}${trusted(diagonal)}${trusted(curves)}${dots}
    <text x="${f1((x(0) + x(1)) / 2)}" y="${SIZE - 4}" class="axis" text-anchor="middle">${axis.falseAlarmRate}</text>
    <text transform="translate(10 ${f1((y(0) + y(1)) / 2)}) rotate(-90)" class="axis" text-anchor="middle">
      ${axis.hitRate}
    </text>
  </svg>`;
}
