import { describe, expect, it } from 'vitest';
import { clickDensity, densityColour } from './click-density';

describe('clickDensity', () => {
  it('peaks at 1 where the points gather and fades away from them', () => {
    const grid = clickDensity(
      [
        { x: 0.25, y: 0.5 },
        { x: 0.25, y: 0.5 },
        { x: 0.75, y: 0.5 },
      ],
      { cols: 40, aspect: 2 },
    );
    expect(grid.rows).toBe(20);
    const at = (x: number, y: number) => grid.values[Math.floor(y * grid.rows) * grid.cols + Math.floor(x * grid.cols)];
    expect(Math.max(...grid.values)).toBeCloseTo(1);
    expect(at(0.25, 0.5)).toBeGreaterThan(at(0.75, 0.5));
    expect(at(0.75, 0.5)).toBeGreaterThan(0.3);
    expect(at(0.5, 0.05)).toBeLessThan(0.01);
  });

  it('is empty without points, and an empty cell is transparent', () => {
    const grid = clickDensity([], { cols: 10, aspect: 1 });
    expect(grid.values.every((v) => v === 0)).toBe(true);
    expect(densityColour(0)[3]).toBe(0);
    expect(densityColour(1)[3]).toBeGreaterThan(200);
  });
});
