import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

const base = (size: number) =>
  ({
    width: size,
    height: size,
    viewBox: '0 0 16 16',
    'aria-hidden': true,
    focusable: false,
  }) as const;

export const PlayIcon = ({ size = 14, ...rest }: IconProps) => (
  <svg {...base(size)} {...rest}>
    <path d="M4.5 2.8v10.4a.5.5 0 0 0 .76.43l8.3-5.2a.5.5 0 0 0 0-.86l-8.3-5.2a.5.5 0 0 0-.76.43z" fill="currentColor" />
  </svg>
);

export const StopIcon = ({ size = 14, ...rest }: IconProps) => (
  <svg {...base(size)} {...rest}>
    <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" fill="currentColor" />
  </svg>
);

export const RunAllIcon = ({ size = 14, ...rest }: IconProps) => (
  <svg {...base(size)} {...rest}>
    <path d="M2.5 3.3v9.4a.45.45 0 0 0 .7.38l6.9-4.7a.45.45 0 0 0 0-.76L3.2 2.9a.45.45 0 0 0-.7.4z" fill="currentColor" />
    <path d="M11 3v10M13.5 3v10" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
