import path from 'node:path';
import { REPO_ROOT, PROFILE_DIR } from './config';
import { readProfile, topSelfTime, type CpuProfile } from './cpu-profile';
import { InProcessProfiler } from './inspector-profiler';
import type { BenchResult } from './report';
import { openStrataSession, type ConnectionTarget, type StrataSession } from './strata-session';

type ProfileSummary = NonNullable<BenchResult['profile']>;

/**
 * One focused run of Strata's path with both processes profiled: serve.cjs (and its worker threads)
 * with --cpu-prof, this process (the receiving side) with the inspector.
 */
export async function profileStrataPath(label: string, target: ConnectionTarget, work: (session: StrataSession) => Promise<unknown>): Promise<ProfileSummary> {
  const dir = path.join(PROFILE_DIR, label);
  const session = await openStrataSession(target, { profileDir: dir });
  const receiver = new InProcessProfiler();
  let receiverProfile: CpuProfile;
  try {
    await receiver.start();
    await work(session);
  } finally {
    receiverProfile = await receiver.stop(path.join(dir, 'receiver.cpuprofile'));
  }
  const files = await session.close();
  const summaries: ProfileSummary = [
    { process: 'receiver (renderer side: ws + JSON.parse + result store)', file: path.relative(REPO_ROOT, path.join(dir, 'receiver.cpuprofile')), top: topSelfTime(receiverProfile, 12, REPO_ROOT) },
  ];
  for (const file of files.filter((name) => path.basename(name).startsWith('CPU.'))) {
    const profile = await readProfile(file);
    const top = topSelfTime(profile, 12, REPO_ROOT);
    const busy = top.some((fn) => fn.name !== '(idle)' && fn.name !== '(program)' && fn.selfMs > 50);
    if (busy) summaries.push({ process: `serve.cjs ${threadLabel(file)}`, file: path.relative(REPO_ROOT, file), top });
  }
  return summaries;
}

/** Node names profiles CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0 is the main thread. */
function threadLabel(file: string): string {
  const thread = path.basename(file).split('.')[4];
  return thread === '0' ? '(main thread)' : `(worker thread ${thread})`;
}
