// Milliseconds left until a deadline, ticking; calls onExpire once when it reaches zero.
import { useEffect, useRef, useState } from 'react';

export function useRemainingMs(deadline: number, onExpire?: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  onExpireRef.current = onExpire;
  useEffect(() => {
    expired.current = false;
    const tick = () => {
      const clientNow = Date.now();
      setNow(clientNow);
      if (clientNow >= deadline && !expired.current) {
        expired.current = true;
        onExpireRef.current?.();
      }
    };
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [deadline]);
  return Math.max(0, deadline - now);
}
