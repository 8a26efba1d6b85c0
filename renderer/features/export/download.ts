/** Saves a Blob as a download: the browser's download bar, or Electron's save dialog. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const UNSAFE_FILE_CHARS = '\\/:*?"<>|';

/** A file name from a table or result name: characters file systems refuse become underscores. */
export function exportFileName(base: string, extension: string): string {
  const safe = [...base].map((char) => (char.charCodeAt(0) < 32 || UNSAFE_FILE_CHARS.includes(char) ? '_' : char)).join('').trim().slice(0, 100) || 'export';
  return `${safe}.${extension}`;
}
