/** A pulse line: what Strata itself has been doing. */
export function ActivityIcon() {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M1.5 8h3l2-5 3 10 2-5h3" />
    </svg>
  );
}
