import { describe, expect, it } from 'vitest';
import { hexDump, prettyJson, viewerText } from '../../../renderer/features/results/cell-viewer-text';

describe('the cell viewer text', () => {
  it('pretty-prints JSON without rounding big integers or dropping duplicate keys', () => {
    expect(prettyJson('{"id":9007199254740993,"id":1,"tags":["a,b","c:d"],"empty":{},"none":[]}')).toBe(
      ['{', '  "id": 9007199254740993,', '  "id": 1,', '  "tags": [', '    "a,b",', '    "c:d"', '  ],', '  "empty": {},', '  "none": []', '}'].join('\n'),
    );
  });

  it('keeps escaped quotes inside strings', () => {
    expect(prettyJson('{"q":"say \\"hi\\" {not json}"}')).toBe('{\n  "q": "say \\"hi\\" {not json}"\n}');
  });

  it('returns null for text that is not JSON, and shows it as text', () => {
    expect(prettyJson('{oops')).toBeNull();
    expect(viewerText('{oops', 'text')).toEqual({ text: '{oops', format: 'text', truncated: false });
  });

  it('treats a text value holding a JSON object as JSON (SQLite json functions return text)', () => {
    expect(viewerText('{"a":1}', 'text').format).toBe('json');
    expect(viewerText('[1, 2]', 'text').text).toBe('[\n  1,\n  2\n]');
  });

  it('shows binary as an offset hex dump and null as NULL', () => {
    expect(hexDump('000102030405060708090a0b0c0d0e0f10')).toBe(
      '00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n00000010  10',
    );
    expect(viewerText('\\xDEAD', 'binary')).toEqual({ text: '00000000  de ad', format: 'hex', truncated: false });
    expect(viewerText(null, 'json').format).toBe('null');
  });
});
