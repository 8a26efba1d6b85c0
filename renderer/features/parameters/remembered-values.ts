/** What the user last entered for a parameter: its text, and whether NULL was ticked. */
export interface RememberedValue {
  text: string;
  isNull: boolean;
}

/** Values by tab and parameter name, kept for this session of the app only (never saved: they may be secret). */
const remembered = new Map<string, RememberedValue>();

const key = (tabId: string, name: string) => `${tabId}\u0000${name}`;

export function rememberedValue(tabId: string, name: string): RememberedValue {
  return remembered.get(key(tabId, name)) ?? { text: '', isNull: false };
}

export function rememberValue(tabId: string, name: string, value: RememberedValue): void {
  remembered.set(key(tabId, name), value);
}
