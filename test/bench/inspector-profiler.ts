import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { CpuProfile } from './cpu-profile';

/** Profiles this process (the receiving side) between start() and stop(). */
export class InProcessProfiler {
  private readonly session = new Session();

  async start(): Promise<void> {
    this.session.connect();
    await this.session.post('Profiler.enable');
    await this.session.post('Profiler.setSamplingInterval', { interval: 1000 });
    await this.session.post('Profiler.start');
  }

  async stop(file: string): Promise<CpuProfile> {
    const { profile } = (await this.session.post('Profiler.stop')) as { profile: CpuProfile };
    await this.session.post('Profiler.disable');
    this.session.disconnect();
    await writeFile(file, JSON.stringify(profile));
    return profile;
  }
}
