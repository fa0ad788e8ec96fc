// A decorative guilloche rosette (the fine-line pattern of banknotes and passports), drawn as hypotrochoids.
import { useMemo } from 'react';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function hypotrochoid(R: number, r: number, d: number, cx: number, cy: number, steps = 1400): string {
  const turns = r / gcd(R, r);
  const end = 2 * Math.PI * turns;
  let path = '';
  for (let i = 0; i <= steps; i++) {
    const t = (end * i) / steps;
    const x = cx + (R - r) * Math.cos(t) + d * Math.cos(((R - r) / r) * t);
    const y = cy + (R - r) * Math.sin(t) - d * Math.sin(((R - r) / r) * t);
    path += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
  }
  return path;
}

export function Guilloche({ className }: { className?: string }) {
  const curves = useMemo(
    () => [
      hypotrochoid(210, 75, 140, 300, 300),
      hypotrochoid(210, 75, 118, 300, 300),
      hypotrochoid(168, 56, 96, 300, 300),
      hypotrochoid(120, 45, 64, 300, 300),
    ],
    [],
  );
  return (
    <svg className={className} viewBox="0 0 600 600" aria-hidden="true" focusable="false">
      {curves.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="currentColor" strokeWidth={i === 0 ? 0.9 : 0.7} />
      ))}
    </svg>
  );
}
