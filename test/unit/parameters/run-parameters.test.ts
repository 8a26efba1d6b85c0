import { describe, expect, it } from 'vitest';
import { parameterNeed } from '../../../renderer/features/parameters/run-parameters';
import { rememberedValue, rememberValue } from '../../../renderer/features/parameters/remembered-values';

describe('parameterNeed', () => {
  it('asks for each name of a single statement once, in binding order', () => {
    expect(parameterNeed('select :b, :a, :b', 'postgres')).toEqual({ kind: 'values', names: [':b', ':a'] });
    expect(parameterNeed('select * from t where a = ? and b = :b;', 'mysql')).toEqual({ kind: 'values', names: ['?1', ':b'] });
  });

  it('needs nothing when the placeholders are only in strings, comments or casts', () => {
    expect(parameterNeed("select ':a', x::text -- :b\n from t", 'postgres')).toEqual({ kind: 'none' });
    expect(parameterNeed("select '?' ; select 2", 'sqlite')).toEqual({ kind: 'none' });
  });

  it('refuses a script of several statements when any of them has parameters', () => {
    expect(parameterNeed('select 1; select :a', 'sqlite')).toEqual({ kind: 'several-statements', statements: 2 });
  });

  it('needs nothing on engines without SQL', () => {
    expect(parameterNeed('get :key', 'redis')).toEqual({ kind: 'none' });
  });
});

describe('remembered values', () => {
  it('keeps values per tab and name, empty and not NULL until set', () => {
    expect(rememberedValue('tab-1', ':a')).toEqual({ text: '', isNull: false });
    rememberValue('tab-1', ':a', { text: "it's", isNull: false });
    rememberValue('tab-2', ':a', { text: '', isNull: true });
    expect(rememberedValue('tab-1', ':a')).toEqual({ text: "it's", isNull: false });
    expect(rememberedValue('tab-2', ':a')).toEqual({ text: '', isNull: true });
    expect(rememberedValue('tab-1', ':b')).toEqual({ text: '', isNull: false });
  });
});
