import { describe, expect, it } from 'vitest';
import { parseResultMemoryMb } from '../../../renderer/features/app-shell/result-memory-setting';

describe('result memory setting', () => {
  it('accepts whole megabytes from 1 to 65,536, spaces around them allowed', () => {
    expect(parseResultMemoryMb('1')).toEqual({ mb: 1 });
    expect(parseResultMemoryMb(' 256 ')).toEqual({ mb: 256 });
    expect(parseResultMemoryMb('65536')).toEqual({ mb: 65536 });
  });

  it('says what is wrong with anything else', () => {
    expect(parseResultMemoryMb('')).toEqual({ error: 'Enter the megabytes one result may hold in memory, from 1 to 65,536.' });
    expect(parseResultMemoryMb('1.5')).toEqual({ error: 'Enter a whole number of megabytes, from 1 to 65,536.' });
    expect(parseResultMemoryMb('-3')).toEqual({ error: 'Enter a whole number of megabytes, from 1 to 65,536.' });
    expect(parseResultMemoryMb('2 GB')).toEqual({ error: 'Enter a whole number of megabytes, from 1 to 65,536.' });
    expect(parseResultMemoryMb('0')).toEqual({ error: '0 MB is out of range: choose from 1 to 65,536.' });
    expect(parseResultMemoryMb('65537')).toEqual({ error: '65,537 MB is out of range: choose from 1 to 65,536.' });
  });
});
