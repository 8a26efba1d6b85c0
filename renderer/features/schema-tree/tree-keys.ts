import type { PathSegment, SchemaChild, SchemaNodeKind } from '../../../shared/model/schema';

/** The root's key. */
export const ROOT_KEY = '';

/** One segment's part of a key. The name's length makes it self-delimiting, so joined parts never collide. */
function segmentKey(segment: Pick<PathSegment, 'kind' | 'name'>): string {
  return `${segment.kind}:${segment.name.length}:${segment.name}/`;
}

/** A node's identity as a string; the root's is ''. */
export function pathKey(path: readonly PathSegment[]): string {
  return path.map(segmentKey).join('');
}

const keyCache = new WeakMap<SchemaChild, string>();

/**
 * The key of a child from its parent's key, without re-encoding the whole path, and remembered per
 * node object: rows ask for it every time they are drawn.
 */
export function childKey(parentKey: string, node: SchemaChild): string {
  let key = keyCache.get(node);
  if (key === undefined) {
    key = parentKey + segmentKey(node);
    keyCache.set(node, key);
  }
  return key;
}

/** A non-root key taken apart: its parent's key and its own last segment. */
export interface SplitKey {
  parentKey: string;
  kind: SchemaNodeKind;
  name: string;
}

/** Reads a key segment by segment (each is `kind:length:name/`); null for the root or a key that is not a node's. */
export function splitKey(key: string): SplitKey | null {
  let at = 0;
  let last: SplitKey | null = null;
  while (at < key.length) {
    const kindEnd = key.indexOf(':', at);
    const lengthEnd = kindEnd === -1 ? -1 : key.indexOf(':', kindEnd + 1);
    if (lengthEnd === -1) return null;
    const length = Number(key.slice(kindEnd + 1, lengthEnd));
    const nameEnd = lengthEnd + 1 + length;
    if (!Number.isInteger(length) || length < 0 || key[nameEnd] !== '/') return null;
    last = { parentKey: key.slice(0, at), kind: key.slice(at, kindEnd) as SchemaNodeKind, name: key.slice(lengthEnd + 1, nameEnd) };
    at = nameEnd + 1;
  }
  return last;
}
