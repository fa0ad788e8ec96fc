// The item clock: runs from the server's firstServedAt, corrected for the client's clock, never restarts.
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { itemDeadline } from '../lib/item-clock';
import { Countdown } from './countdown';

const CLIENT_NOW = Date.parse('2026-05-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('item countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: CLIENT_NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('corrects for a desk clock that is wrong: the server is 30 s ahead, 10 s of 12 already gone', () => {
    const serverNow = CLIENT_NOW + 30_000;
    const item = { serverNow: iso(serverNow), firstServedAt: iso(serverNow - 10_000), timeAllowedSeconds: 12 };
    expect(itemDeadline(item, CLIENT_NOW)).toBe(CLIENT_NOW + 2_000);
  });

  it('counts down the last seconds as urgent, then shows time up and calls onExpire once', () => {
    const onExpire = vi.fn();
    render(<Countdown deadline={CLIENT_NOW + 2_000} totalSeconds={12} onExpire={onExpire} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:02');
    expect(screen.getByTestId('countdown')).toHaveAttribute('data-state', 'urgent');

    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('timer')).toHaveTextContent('0:01');
    expect(onExpire).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
    expect(screen.getByTestId('countdown')).toHaveAttribute('data-state', 'expired');
    expect(screen.getByText('Time is up — decide now; the answer will be marked late.')).toBeInTheDocument();
    expect(onExpire).toHaveBeenCalledTimes(1);

    act(() => vi.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('a desk clock that is behind does not give extra time', () => {
    const serverNow = CLIENT_NOW - 45_000; // client 45 s fast
    const item = { serverNow: iso(serverNow), firstServedAt: iso(serverNow), timeAllowedSeconds: 60 };
    render(<Countdown deadline={itemDeadline(item, CLIENT_NOW)} totalSeconds={60} />);
    expect(screen.getByRole('timer')).toHaveTextContent('1:00');
    expect(screen.getByTestId('countdown')).toHaveAttribute('data-state', 'running');
  });

  it('does not restart on reload: an item first served 50 s ago with 60 s allowed has 10 s left', () => {
    const item = { serverNow: iso(CLIENT_NOW), firstServedAt: iso(CLIENT_NOW - 50_000), timeAllowedSeconds: 60 };
    render(<Countdown deadline={itemDeadline(item, CLIENT_NOW)} totalSeconds={60} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:10');
  });

  it('an item reopened after its time shows expired at once', () => {
    const onExpire = vi.fn();
    const item = { serverNow: iso(CLIENT_NOW), firstServedAt: iso(CLIENT_NOW - 120_000), timeAllowedSeconds: 60 };
    render(<Countdown deadline={itemDeadline(item, CLIENT_NOW)} totalSeconds={60} onExpire={onExpire} />);
    expect(screen.getByRole('timer')).toHaveTextContent('0:00');
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
