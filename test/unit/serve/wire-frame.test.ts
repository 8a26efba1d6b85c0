import { describe, expect, it } from 'vitest';
import { parseWireFrame } from '../../../electron/serve/wire-frame';

describe('parseWireFrame', () => {
  it('reads a request', () => {
    expect(parseWireFrame('{"id":7,"channel":"app/info","input":{}}')).toEqual({
      kind: 'request',
      request: { id: 7, channel: 'app/info', input: {} },
    });
  });

  it('gives no id for frames it cannot read one from', () => {
    for (const text of ['not json', '[1,2]', 'null', '"x"', '{"channel":"app/info"}', '{"id":-1,"channel":"app/info"}', '{"id":1.5}', '{"id":"1"}']) {
      expect(parseWireFrame(text)).toMatchObject({ kind: 'invalid', id: null });
    }
  });

  it('refuses unknown channels and __proto__ keys at any depth, keeping the id for the reply', () => {
    expect(parseWireFrame('{"id":3,"channel":"fs/read","input":{}}')).toMatchObject({ kind: 'invalid', id: 3 });
    expect(parseWireFrame('{"id":4,"channel":"app/info","input":{"__proto__":{"polluted":1}}}')).toMatchObject({ kind: 'invalid', id: 4 });
    expect(parseWireFrame('{"id":5,"channel":"app/info","input":{"a":[{"\\u005f_proto__":1}]}}')).toMatchObject({ kind: 'invalid', id: 5 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
