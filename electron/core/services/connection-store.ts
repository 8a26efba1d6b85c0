import { z } from 'zod';
import { connectionDraftSchema, type ConnectionProfile } from '../../../shared/model/connection';
import { readJsonFile, writeJsonFile } from '../fs/json-file';

const profileSchema = connectionDraftSchema.extend({
  // Profiles saved before these settings existed load as not production, with confirmations on.
  production: z.boolean().default(false),
  confirmDestructive: z.boolean().default(true),
  // Checked when saved and again when connecting: a hand-edited path must not make the whole file unreadable.
  sslRootCertPath: z.string().max(4096).optional(),
  id: z.string().min(1).max(100),
  hasPassword: z.boolean(),
  builtIn: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const fileSchema = z.strictObject({
  version: z.literal(1),
  connections: z.array(profileSchema),
});

/** The saved connection profiles (never secrets), kept in memory and in `connections.json`. */
export class ConnectionStore {
  private constructor(
    private readonly file: string,
    private profiles: readonly ConnectionProfile[],
  ) {}

  static async open(file: string, log: (line: string) => void): Promise<ConnectionStore> {
    const content = await readJsonFile(file, fileSchema, log);
    return new ConnectionStore(file, content?.connections ?? []);
  }

  list(): ConnectionProfile[] {
    return this.profiles.map((profile) => ({ ...profile }));
  }

  get(id: string): ConnectionProfile | undefined {
    const profile = this.profiles.find((candidate) => candidate.id === id);
    return profile && { ...profile };
  }

  /** Saves the new list; memory changes only once the file is written. */
  async replaceAll(profiles: ConnectionProfile[]): Promise<void> {
    await writeJsonFile(this.file, { version: 1, connections: profiles });
    this.profiles = profiles.map((profile) => ({ ...profile }));
  }

  /** Inserts or replaces one profile by id. */
  async put(profile: ConnectionProfile): Promise<void> {
    const exists = this.profiles.some((candidate) => candidate.id === profile.id);
    const next = exists ? this.profiles.map((candidate) => (candidate.id === profile.id ? profile : candidate)) : [...this.profiles, profile];
    await this.replaceAll(next);
  }

  async remove(id: string): Promise<void> {
    await this.replaceAll(this.profiles.filter((candidate) => candidate.id !== id));
  }
}
