export declare const ELECTRON_HEADERS_URL: string;

export interface NativePaths {
  outDir: string;
  binary: string;
  stamp: string;
  scratchDir: string;
  scratchBinary: string;
  headersDir: string;
}
export declare function nativePaths(root: string): NativePaths;

export interface BuildStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}
export declare function buildStamp(stamp: BuildStamp): BuildStamp;
export declare function isUpToDate(stampText: string | null, expected: BuildStamp, binaryExists: boolean): boolean;
export declare function cleanBuildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function prebuildInstallArgs(target: { electron: string; arch: string }): string[];
export declare function nodeGypArgs(target: { electron: string; arch: string; headersDir: string }): string[];
