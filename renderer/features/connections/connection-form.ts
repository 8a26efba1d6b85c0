import {
  connectionDraftSchema,
  defaultPort,
  emptyDraft,
  PRODUCTION_COLOR,
  verifiesCertificate,
  type ConnectionDraft,
  type ConnectionProfile,
  type Engine,
  type PasswordChange,
  type SslMode,
} from '../../../shared/model/connection';
import type { ParsedConnectionUrl } from '../../../shared/connection-url';

/** What the connection dialog edits: numbers as the text the user typed, timeouts in seconds. */
export interface ConnectionForm {
  name: string;
  /** The user typed the name, so URLs and file paths no longer rename the connection. */
  nameTouched: boolean;
  color: string;
  engine: Engine;
  host: string;
  port: string;
  database: string;
  user: string;
  sslMode: SslMode;
  /** The CA certificate file of the verify modes; kept while another mode is chosen, saved only with a verify mode. */
  sslRootCertPath: string;
  filePath: string;
  readOnly: boolean;
  production: boolean;
  /** The user's choice for non-production connections; production ones always confirm. */
  confirmDestructive: boolean;
  statementTimeoutSeconds: string;
  connectTimeoutSeconds: string;
  /** Typed into the Password field; never prefilled. */
  password: string;
  /** The saved password is to be removed. */
  clearPassword: boolean;
}

export type FormField = Exclude<keyof ConnectionForm, 'nameTouched' | 'clearPassword'>;
export type FieldErrors = Partial<Record<FormField, string>>;

const seconds = (ms: number) => (ms === 0 ? '0' : String(ms / 1000));

export function formFromDraft(draft: ConnectionDraft, nameTouched: boolean): ConnectionForm {
  return {
    name: draft.name,
    nameTouched,
    color: draft.color,
    engine: draft.engine,
    host: draft.host,
    port: draft.engine === 'sqlite' ? '' : String(draft.port),
    database: draft.database,
    user: draft.user,
    sslMode: draft.sslMode,
    sslRootCertPath: draft.sslRootCertPath ?? '',
    filePath: draft.filePath,
    readOnly: draft.readOnly,
    production: draft.production,
    confirmDestructive: draft.confirmDestructive,
    statementTimeoutSeconds: seconds(draft.statementTimeoutMs),
    connectTimeoutSeconds: seconds(draft.connectTimeoutMs),
    password: '',
    clearPassword: false,
  };
}

export function formFromProfile(profile: ConnectionProfile | null): ConnectionForm {
  if (!profile) return formFromDraft(emptyDraft('postgres'), false);
  return formFromDraft(profile, true);
}

/** Switching engines moves the port to the new engine's default unless the user chose another port. */
export function changeEngine(form: ConnectionForm, engine: Engine): ConnectionForm {
  const previousDefault = form.engine === 'sqlite' ? '' : String(defaultPort(form.engine));
  const port = form.port === '' || form.port === previousDefault ? (engine === 'sqlite' ? '' : String(defaultPort(engine))) : form.port;
  const host = engine !== 'sqlite' && form.host === '' ? '127.0.0.1' : form.host;
  return { ...form, engine, port, host };
}

function suggestedName(form: ConnectionForm): string {
  if (form.engine === 'sqlite') return form.filePath.split(/[/\\]/).filter(Boolean).pop() ?? '';
  if (form.database && form.host) return `${form.database} @ ${form.host}`;
  return form.host;
}

/** The form change of the Production switch: production tags the connection red; the colour stays when it is turned off. */
export function productionChange(production: boolean): Partial<ConnectionForm> {
  return production ? { production, color: PRODUCTION_COLOR } : { production };
}

/** Fills the form from a parsed connection URL; the password (if any) goes into the Password field. */
export function applyParsedUrl(form: ConnectionForm, parsed: ParsedConnectionUrl): ConnectionForm {
  const { draft } = parsed;
  let next: ConnectionForm = draft.engine && draft.engine !== form.engine ? changeEngine(form, draft.engine) : { ...form };
  if (draft.host !== undefined) next.host = draft.host;
  if (draft.port !== undefined) next.port = next.engine === 'sqlite' ? '' : String(draft.port);
  if (draft.database !== undefined) next.database = draft.database;
  if (draft.user !== undefined) next.user = draft.user;
  if (draft.sslMode !== undefined) next.sslMode = draft.sslMode;
  if (draft.sslRootCertPath !== undefined) next.sslRootCertPath = draft.sslRootCertPath;
  if (draft.filePath !== undefined) next.filePath = draft.filePath;
  if (draft.readOnly !== undefined) next.readOnly = draft.readOnly;
  if (draft.connectTimeoutMs !== undefined) next.connectTimeoutSeconds = seconds(draft.connectTimeoutMs);
  if (draft.statementTimeoutMs !== undefined) next.statementTimeoutSeconds = seconds(draft.statementTimeoutMs);
  if (parsed.password !== null) next = { ...next, password: parsed.password, clearPassword: false };
  if (!next.nameTouched) next.name = draft.name || suggestedName(next);
  return next;
}

function parseSeconds(text: string, field: FormField, label: string, errors: FieldErrors, min: number, max: number): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? 0 : Number(trimmed);
  if (!Number.isFinite(value) || value < min || value > max) {
    errors[field] = `${label} must be between ${min} and ${max.toLocaleString('en-US')} seconds.`;
    return 0;
  }
  return Math.round(value * 1000);
}

/** Turns the form into a draft, or says which fields are wrong, with the same rules the host applies. */
export function draftFromForm(form: ConnectionForm): { draft: ConnectionDraft; errors: null } | { draft: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const sqlite = form.engine === 'sqlite';
  let port = 0;
  if (!sqlite) {
    port = Number(form.port.trim());
    if (!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65535) errors.port = 'Use a port from 1 to 65535.';
    if (form.host.trim() === '') errors.host = "Enter the server's host name or IP address.";
  } else if (form.filePath.trim() === '') {
    errors.filePath = "Enter the database file's path.";
  }
  const statementTimeoutMs = sqlite ? 0 : parseSeconds(form.statementTimeoutSeconds, 'statementTimeoutSeconds', 'The statement timeout', errors, 0, 86_400);
  const connectTimeoutMs = sqlite
    ? 10_000
    : parseSeconds(form.connectTimeoutSeconds || '10', 'connectTimeoutSeconds', 'The connect timeout', errors, 0.1, 600);
  const caFile = !sqlite && verifiesCertificate(form.sslMode) ? form.sslRootCertPath.trim() : '';

  const draft: ConnectionDraft = {
    name: form.name.trim(),
    color: form.production ? PRODUCTION_COLOR : form.color,
    engine: form.engine,
    host: sqlite ? '' : form.host.trim(),
    port,
    database: sqlite ? '' : form.database.trim(),
    user: sqlite ? '' : form.user,
    sslMode: sqlite ? 'disable' : form.sslMode,
    ...(caFile === '' ? {} : { sslRootCertPath: caFile }),
    filePath: sqlite ? form.filePath.trim() : '',
    readOnly: form.readOnly,
    production: form.production,
    confirmDestructive: form.production || form.confirmDestructive,
    statementTimeoutMs,
    connectTimeoutMs,
  };
  const parsed = connectionDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForIssuePath(issue.path.map(String).join('.'));
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { draft: null, errors } : { draft, errors: null };
}

/** What to do with the stored password: a typed value replaces it, "Clear" removes it, else it stays. */
export function passwordChangeFromForm(form: ConnectionForm): PasswordChange {
  if (form.engine === 'sqlite') return { action: 'keep' };
  if (form.clearPassword) return { action: 'clear' };
  if (form.password !== '') return { action: 'set', value: form.password };
  return { action: 'keep' };
}

const FIELD_BY_DRAFT_KEY: Record<string, FormField> = {
  name: 'name',
  color: 'color',
  engine: 'engine',
  host: 'host',
  port: 'port',
  database: 'database',
  user: 'user',
  sslMode: 'sslMode',
  sslRootCertPath: 'sslRootCertPath',
  filePath: 'filePath',
  readOnly: 'readOnly',
  production: 'production',
  confirmDestructive: 'confirmDestructive',
  statementTimeoutMs: 'statementTimeoutSeconds',
  connectTimeoutMs: 'connectTimeoutSeconds',
  password: 'password',
  value: 'password',
};

/** Maps an INVALID_INPUT issue path such as "draft.port" or "password.value" to the form field it concerns. */
export function fieldForIssuePath(path: string): FormField | null {
  const parts = path.split('.').filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const field = FIELD_BY_DRAFT_KEY[parts[i] ?? ''];
    if (field) return field;
  }
  return null;
}

/** The editable part of a saved profile, as the contract's strict draft schema expects it. */
export function draftOfProfile(profile: ConnectionProfile): ConnectionDraft {
  const { name, color, engine, host, port, database, user, sslMode, sslRootCertPath, filePath, readOnly, production, confirmDestructive, statementTimeoutMs, connectTimeoutMs } = profile;
  const draft = { name, color, engine, host, port, database, user, sslMode, filePath, readOnly, production, confirmDestructive, statementTimeoutMs, connectTimeoutMs };
  return sslRootCertPath === undefined ? draft : { ...draft, sslRootCertPath };
}
