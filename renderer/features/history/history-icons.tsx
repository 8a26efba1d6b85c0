import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function iconProps({ size = 16, ...rest }: IconProps): SVGProps<SVGSVGElement> {
  return {
    width: size,
    height: size,
    viewBox: '0 0 16 16',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.4,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
    'aria-hidden': true,
    focusable: false,
    ...rest,
  };
}

/** A clock with a turning-back arrow: statements run before. */
export const HistoryIcon = (p: IconProps) => (
  <svg {...iconProps(p)}>
    <path d="M2.2 8a5.8 5.8 0 1 0 1.7-4.1" />
    <path d="M2 1.8v2.6h2.6" />
    <path d="M8 4.8V8l2.2 1.4" />
  </svg>
);

/** A cursor inserting text. */
export const InsertIcon = (p: IconProps) => (
  <svg {...iconProps(p)}>
    <path d="M6 2.5h4M6 13.5h4M8 2.5v11" />
  </svg>
);

/** A tab with a plus: open in a new tab. */
export const NewTabIcon = (p: IconProps) => (
  <svg {...iconProps(p)}>
    <path d="M2 4.5h12v9H2z" />
    <path d="M2 4.5l1-2h4l1 2" />
    <path d="M8 7v4M6 9h4" />
  </svg>
);

export const TrashIcon = (p: IconProps) => (
  <svg {...iconProps(p)}>
    <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.7 9.5h6.6L12 4" />
  </svg>
);

export const ChevronIcon = (p: IconProps) => (
  <svg {...iconProps(p)}>
    <path d="M6 4l4 4-4 4" />
  </svg>
);
