// A dialog's form starts clean each time the dialog opens (or, while open, switches to another record), without
// resetting again when the values the reset reads change while the user is typing.
import { useEffect, useLayoutEffect, useRef } from 'react';

export function useResetOnOpen(open: boolean, reset: () => void, recordKey?: string): void {
  const latestReset = useRef(reset);
  useLayoutEffect(() => {
    latestReset.current = reset;
  });
  useEffect(() => {
    if (open) latestReset.current();
  }, [open, recordKey]);
}
