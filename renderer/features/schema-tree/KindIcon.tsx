import type { SchemaNodeKind } from '../../../shared/model/schema';

const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.3,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
};

function glyph(kind: SchemaNodeKind) {
  switch (kind) {
    case 'database':
      return (
        <>
          <ellipse cx="8" cy="3.8" rx="5" ry="1.9" />
          <path d="M3 3.8v8.4c0 1 2.2 1.9 5 1.9s5-.9 5-1.9V3.8" />
          <path d="M3 8c0 1 2.2 1.9 5 1.9S13 9 13 8" />
        </>
      );
    case 'schema':
      return (
        <>
          <rect x="2" y="2.5" width="5" height="4.5" rx=".8" />
          <rect x="9" y="9" width="5" height="4.5" rx=".8" />
          <path d="M4.5 7v4.2H9" />
        </>
      );
    case 'group':
      return <path d="M1.8 4.2c0-.6.5-1.1 1.1-1.1h3.3l1.4 1.5h5.5c.6 0 1.1.5 1.1 1.1v6.5c0 .6-.5 1.1-1.1 1.1H2.9c-.6 0-1.1-.5-1.1-1.1z" />;
    case 'table':
      return (
        <>
          <rect x="2" y="2.8" width="12" height="10.4" rx="1.2" />
          <path d="M2 6.2h12M2 9.6h12M6.5 6.2v7" />
        </>
      );
    case 'view':
      return (
        <>
          <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" />
          <circle cx="8" cy="8" r="2" />
        </>
      );
    case 'materialized-view':
      return (
        <>
          <rect x="2" y="2.8" width="12" height="10.4" rx="1.2" />
          <path d="M4.5 8s1.3-2 3.5-2 3.5 2 3.5 2-1.3 2-3.5 2-3.5-2-3.5-2z" />
        </>
      );
    case 'function':
      return <path d="M10.5 2.5c-2 0-2.5 1.2-2.8 3L6.5 12c-.3 1.4-1 1.8-2.2 1.8M4.8 6.5h5.5" />;
    case 'sequence':
      return <path d="M3 5.5h10M3 10.5h10M6.5 2.5l-1 11M10.5 2.5l-1 11" />;
    case 'index':
      return (
        <>
          <path d="M3 3h10M3 6.3h7M3 9.7h10M3 13h5" />
        </>
      );
    case 'trigger':
      return <path d="M9 1.8L3.5 9h4l-1 5.2L12.5 7h-4z" />;
    case 'column':
      return (
        <>
          <rect x="5" y="2" width="6" height="12" rx="1" />
          <path d="M5 6h6" />
        </>
      );
    case 'foreign-key':
      return (
        <>
          <circle cx="5" cy="8" r="2.6" />
          <path d="M7.6 8H14M11.5 8v2.5M13.5 8v2" />
        </>
      );    case 'procedure':
      return (
        <>
          <rect x="2" y="2.5" width="12" height="11" rx="1.2" />
          <path d="M5 6l2 2-2 2M8.5 10.5H11" />
        </>
      );
    case 'constraint':
      return (
        <>
          <rect x="3.5" y="7" width="9" height="6.5" rx="1" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
        </>
      );
    case 'policy':
      return <path d="M8 1.8l5 2v4c0 3.1-2.2 5.4-5 6.4-2.8-1-5-3.3-5-6.4v-4z" />;
    case 'extension':
      return <path d="M6 2.5h4v2.2a1.3 1.3 0 1 0 0 2.6v6.2H2.5V9.8a1.3 1.3 0 1 0 0-2.6V4.7H6zM10 7.3h3.5v6.2" />;
    case 'type':
      return <path d="M3 3.5h10M8 3.5v9.5M5.5 13h5" />;
    case 'event':
      return (
        <>
          <circle cx="8" cy="8" r="5.8" />
          <path d="M8 4.6V8l2.3 1.6" />
        </>
      );
    case 'role':
      return (
        <>
          <circle cx="8" cy="5.2" r="2.6" />
          <path d="M2.8 14c.6-2.9 2.7-4.4 5.2-4.4s4.6 1.5 5.2 4.4" />
        </>
      );
  }
}

/** A small line icon per object kind, coloured by CSS (kind-<kind>). */
export function KindIcon({ kind }: { kind: SchemaNodeKind }) {
  return (
    <svg className={`kind-icon kind-${kind}`} {...common}>
      {glyph(kind)}
    </svg>
  );
}
