import { z } from 'zod';

export const ENGINES = ['sqlite', 'postgres', 'mysql', 'mongodb', 'redis'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * libpq's names and meanings: disable = plain TCP, require = TLS without verification, verify-ca = TLS whose
 * certificate must chain to a trusted CA, verify-full = that and the certificate must name the host.
 */
export const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type SslMode = (typeof SSL_MODES)[number];

/** The modes that check the server's certificate, and so use the profile's CA certificate file. */
export function verifiesCertificate(mode: SslMode): boolean {
  return mode === 'verify-ca' || mode === 'verify-full';
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** The colour tag of production connections. */
export const PRODUCTION_COLOR = '#ef4444';

const text = (max: number) => z.string().max(max);
/** A path from the root of a disk: /…, C:\… or C:/…, \\server\share…, or ~/… (the user's home folder, expanded by main). */
const FULL_PATH = /^(?:\/|~(?:[/\\]|$)|[A-Za-z]:[/\\]|\\\\)/;

/** What the user edits. Never holds a secret: passwords travel separately, as a PasswordChange. */
export const connectionDraftSchema = z.strictObject({
  name: text(200).min(1, 'Give the connection a name.'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #1e90ff.'),
  engine: z.enum(ENGINES),
  host: text(255),
  port: z.number().int().min(0).max(65535),
  database: text(255),
  user: text(255),
  sslMode: z.enum(SSL_MODES),
  /**
   * The CA certificate file (PEM) that 'verify-ca' and 'verify-full' trust instead of the system's store: a path
   * on the user's machine, read by main when it connects. Absent or empty: the system's trusted authorities.
   */
  sslRootCertPath: text(4096)
    .refine((path) => !/[\0\r\n]/.test(path), 'The CA certificate path must be a single line without control characters.')
    .refine((path) => path.trim() === '' || FULL_PATH.test(path.trim()), "Enter the file's full path, such as /etc/ssl/certs/my-ca.pem, C:\\certs\\my-ca.pem or ~/certs/my-ca.pem.")
    .optional(),
  /** SQLite only: path of the database file. */
  filePath: text(4096),
  readOnly: z.boolean(),
  /** A production database: tagged red; DELETE, UPDATE, ALTER, GRANT, REVOKE and destructive statements ask for its name first. */
  production: z.boolean().default(false),
  /** Ask before destructive statements run (DROP, TRUNCATE, DELETE/UPDATE without WHERE…). Always on for production. */
  confirmDestructive: z.boolean().default(true),
  /** 0 means no timeout. */
  statementTimeoutMs: z.number().int().min(0).max(86_400_000),
  connectTimeoutMs: z.number().int().min(100).max(600_000),
});
export type ConnectionDraft = z.infer<typeof connectionDraftSchema>;

export interface ConnectionProfile extends ConnectionDraft {
  id: string;
  /** Whether the vault holds a password for this connection. The password itself never leaves main. */
  hasPassword: boolean;
  /** The bundled sample database: cannot be deleted, only re-created. */
  builtIn: boolean;
  createdAt: string;
  updatedAt: string;
}

export const passwordChangeSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('keep') }),
  z.strictObject({ action: z.literal('set'), value: z.string().max(4096) }),
  z.strictObject({ action: z.literal('clear') }),
]);
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const connectionIdSchema = z.string().min(1).max(100);

/** Production connections confirm destructive statements whatever the profile says. */
export function confirmsDestructive(profile: Pick<ConnectionDraft, 'production' | 'confirmDestructive'>): boolean {
  return profile.production || profile.confirmDestructive;
}

export function defaultPort(engine: Engine): number {
  switch (engine) {
    case 'postgres':
      return 5432;
    case 'mysql':
      return 3306;
    case 'mongodb':
      return 27017;
    case 'redis':
      return 6379;
    case 'sqlite':
      return 0;
  }
}

export function emptyDraft(engine: Engine = 'postgres'): ConnectionDraft {
  return {
    name: '',
    color: '#3b82f6',
    engine,
    host: engine === 'sqlite' ? '' : '127.0.0.1',
    port: defaultPort(engine),
    database: '',
    user: '',
    sslMode: 'disable',
    filePath: '',
    readOnly: false,
    production: false,
    confirmDestructive: true,
    statementTimeoutMs: 0,
    connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
  };
}
