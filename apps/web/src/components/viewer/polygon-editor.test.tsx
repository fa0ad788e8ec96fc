import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetAppState } from '@/testing/test-utils';
import { PolygonEditor } from './polygon-editor';

function setup(props: Partial<Parameters<typeof PolygonEditor>[0]> = {}) {
  const onComplete = vi.fn();
  const onCancel = vi.fn();
  render(
    <PolygonEditor
      imageUrl="/api/media/s/t/1280.webp"
      width={1280}
      height={900}
      shapes={[]}
      drawing
      label="Data page · Visible"
      onComplete={onComplete}
      onCancel={onCancel}
      {...props}
    />,
  );
  const canvas = screen.getByTestId('polygon-canvas');
  // The image is drawn 400 × 200 px at (100, 50) on the page.
  vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue({
    left: 100,
    top: 50,
    width: 400,
    height: 200,
    right: 500,
    bottom: 250,
    x: 100,
    y: 50,
    toJSON: () => ({}),
  } as DOMRect);
  const clickAt = (x: number, y: number) => fireEvent.click(canvas, { clientX: x, clientY: y });
  const points = () => {
    const list = screen.queryByRole('list', { name: 'Points of the region' });
    return list
      ? within(list)
          .getAllByRole('listitem')
          .map((li) => li.querySelector('.fl-num')!.textContent)
      : [];
  };
  return { canvas, clickAt, points, onComplete, onCancel };
}

describe('polygon editor', () => {
  beforeEach(resetAppState);

  it('adds a normalised point for each click', () => {
    const { clickAt, points } = setup();
    clickAt(200, 100); // (100, 50) into a 400 × 200 box
    clickAt(500, 250);
    clickAt(100, 250);
    expect(points()).toEqual(['0.250, 0.250', '1.000, 1.000', '0.000, 1.000']);
    expect(screen.getByRole('status')).toHaveTextContent('3 points');
  });

  it('closes with Enter only once there are at least 3 points, giving the normalised polygon', () => {
    const { canvas, clickAt, onComplete } = setup();
    clickAt(200, 100);
    clickAt(400, 100);
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect(onComplete).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('A region needs at least 3 points.');
    clickAt(300, 200);
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect(onComplete).toHaveBeenCalledWith([
      [0.25, 0.25],
      [0.75, 0.25],
      [0.5, 0.75],
    ]);
  });

  it('cancels with Escape and forgets the points', () => {
    const { canvas, clickAt, points, onCancel, onComplete } = setup();
    clickAt(200, 100);
    clickAt(400, 100);
    fireEvent.keyDown(canvas, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onComplete).not.toHaveBeenCalled();
    expect(points()).toEqual([]);
  });

  it('removes a chosen point', () => {
    const { clickAt, points } = setup();
    clickAt(200, 100);
    clickAt(300, 100);
    clickAt(400, 100);
    fireEvent.click(screen.getByRole('button', { name: 'Remove point 2' }));
    expect(points()).toEqual(['0.250, 0.250', '0.750, 0.250']);
    expect(screen.getByRole('button', { name: 'Close shape' })).toBeDisabled();
  });

  it('closes on double-click without doubling the last point', () => {
    const { canvas, clickAt, onComplete } = setup();
    clickAt(200, 100);
    clickAt(400, 100);
    clickAt(300, 200);
    fireEvent.doubleClick(canvas, { clientX: 300, clientY: 200 });
    expect(onComplete).toHaveBeenCalledWith([
      [0.25, 0.25],
      [0.75, 0.25],
      [0.5, 0.75],
    ]);
  });

  it('can be drawn with the keyboard alone', () => {
    const { canvas, points } = setup();
    fireEvent.keyDown(canvas, { key: ' ' });
    fireEvent.keyDown(canvas, { key: 'ArrowRight', shiftKey: true });
    fireEvent.keyDown(canvas, { key: ' ' });
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    fireEvent.keyDown(canvas, { key: ' ' });
    expect(points()).toEqual(['0.500, 0.500', '0.550, 0.500', '0.550, 0.510']);
    fireEvent.keyDown(canvas, { key: 'Backspace' });
    expect(points()).toHaveLength(2);
  });

  it('shows existing regions as labelled outlines and ignores clicks when not drawing', () => {
    const { clickAt } = setup({
      drawing: false,
      shapes: [
        {
          id: 'a',
          label: 'Ghost image',
          points: [
            [0.1, 0.1],
            [0.3, 0.1],
            [0.3, 0.4],
          ],
        },
      ],
    });
    expect(screen.getByText('Ghost image')).toBeInTheDocument();
    clickAt(200, 100);
    expect(screen.queryByRole('list', { name: 'Points of the region' })).toBeNull();
  });
});
