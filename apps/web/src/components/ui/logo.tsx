/** The FirstLine mark: a shield with a check, the first-line decision. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="fl-logo-mark">
      <rect width="32" height="32" rx="7" fill="var(--logo-bg, #0f2a4a)" />
      <path
        d="M16 5l9 3.5v6.8c0 5.6-3.8 10.2-9 11.7-5.2-1.5-9-6.1-9-11.7V8.5z"
        fill="none"
        stroke="var(--logo-accent, #f4c542)"
        strokeWidth="2.2"
      />
      <path
        d="M11.5 16.2l3.1 3.1 6-6.3"
        fill="none"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo({ size = 32 }: { size?: number }) {
  return (
    <span className="fl-logo">
      <LogoMark size={size} />
      <span className="fl-logo__word" lang="en" dir="ltr">
        FirstLine
      </span>
    </span>
  );
}
