// A decorative guilloche (the fine interlaced line-work of passports and banknotes): concentric bands of phase-
// shifted sine waves around a centre, plus a small rosette.
import { useMemo } from 'react';

const C = 300;

function wave(r0: number, amplitude: number, lobes: number, phase: number, steps = 900): string {
  let d = '';
  for (let i = 0; i <= steps; i++) {
    const t = (2 * Math.PI * i) / steps;
    const r = r0 + amplitude * Math.sin(lobes * t + phase);
    d += `${i === 0 ? 'M' : 'L'}${(C + r * Math.cos(t)).toFixed(1)} ${(C + r * Math.sin(t)).toFixed(1)}`;
  }
  return `${d}Z`;
}

function band(r0: number, amplitude: number, lobes: number, lines: number): string[] {
  return Array.from({ length: lines }, (_, k) => wave(r0, amplitude, lobes, (2 * Math.PI * k) / lines));
}

export function Guilloche({ className }: { className?: string }) {
  const paths = useMemo(
    () => [...band(262, 18, 48, 6), ...band(205, 26, 32, 8), ...band(140, 30, 20, 8), ...band(80, 28, 12, 6)],
    [],
  );
  return (
    <svg className={className} viewBox="0 0 600 600" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth={0.75}>
        {paths.map((d, i) => (
          <path key={i} d={d} />
        ))}
        <circle cx={C} cy={C} r={292} strokeWidth={1.2} />
        <circle cx={C} cy={C} r={286} />
      </g>
    </svg>
  );
}
