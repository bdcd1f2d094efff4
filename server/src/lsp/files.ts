// The language server's reading of the workspace: every `.salastus` file under the
// workspace folders (through io/files.ts, which follows no symbolic link), and single files
// when the client reports a change. Nothing outside the workspace folders is read, and
// nothing but `.salastus` files.
import { lstatSync, realpathSync } from 'node:fs';
import { relative, isAbsolute, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXTENSION, findSalastusFiles, readSalastusFile } from '../io/files.ts';

/** The one spelling of a file URI used as a key (clients encode characters differently). */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Whether `path` lies inside one of the folders (not outside through `..`). */
export function insideFolders(path: string, folders: readonly string[]): boolean {
  return folders.some((f) => {
    const rel = relative(f, path);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  });
}

function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return folder;
  }
}

export interface Skipped {
  path: string;
  reason: string;
}

/** Every `.salastus` file under the folders (sorted within each folder); a folder that cannot be read is named in `skipped`. */
export function listWorkspaceFiles(folders: readonly string[]): { paths: string[]; skipped: Skipped[] } {
  const paths: string[] = [];
  const skipped: Skipped[] = [];
  for (const folder of folders) {
    try {
      for (const path of findSalastusFiles(folder)) paths.push(path);
    } catch (e) {
      skipped.push({ path: folder, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { paths, skipped };
}

/** The folders with their symbolic links resolved, for readWorkspaceFile (worked out once for many files). */
export function realFolders(folders: readonly string[]): string[] {
  return folders.map(realFolder);
}

/** The file URI of a path. */
export function pathUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * Reads one workspace file, if it is a regular `.salastus` file (not a symbolic link)
 * inside the folders. `gone` when it does not exist (any more).
 */
export function readWorkspaceFile(path: string, folders: readonly string[], real: readonly string[] = realFolders(folders)): { ok: true; text: string } | { ok: false; gone: boolean; reason: string } {
  if (!path.endsWith(EXTENSION)) return { ok: false, gone: false, reason: 'not a .salastus file' };
  if (!insideFolders(path, folders)) return { ok: false, gone: false, reason: 'outside the workspace folders' };
  try {
    const st = lstatSync(path);
    if (!st.isFile()) return { ok: false, gone: false, reason: 'not a regular file' };
    // A folder on the way may be a symbolic link out of the workspace.
    // (realpath(3) itself: Node's own realpathSync reads every folder on the way with lstat.)
    if (!insideFolders(realpathSync.native(path), real)) return { ok: false, gone: false, reason: 'outside the workspace folders' };
    const decoded = readSalastusFile(path);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, gone: false, reason: decoded.reason };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, gone: code === 'ENOENT' || code === 'ENOTDIR', reason: e instanceof Error ? e.message : String(e) };
  }
}
