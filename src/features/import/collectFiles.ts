import type { SourceInput } from '../../api/types.ts';

/**
 * Files from a file input: named by their path inside a chosen folder when there is one.
 * Files found by listing a folder are `optional` (a README in it is skipped, not an error).
 */
export function inputsFromFileList(files: FileList | readonly File[]): SourceInput[] {
  return [...files]
    .filter((f) => !isHidden(f.webkitRelativePath || f.name))
    .map((file) => {
      const path = file.webkitRelativePath;
      return path ? { name: path, file, optional: true } : { name: file.name, file };
    });
}

/**
 * Files and folders dropped on the page. Entries must be taken from the DataTransfer during
 * the drop event (it is emptied afterwards), so this reads them synchronously first and only
 * then walks folders.
 */
export function inputsFromDrop(dt: DataTransfer): Promise<SourceInput[]> {
  const items = [...dt.items].filter((i) => i.kind === 'file');
  const entries = items.map((i) => i.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) {
    return Promise.resolve(inputsFromFileList(dt.files));
  }
  return Promise.all((entries as FileSystemEntry[]).map((e) => walk(e, false))).then((lists) =>
    lists.flat(),
  );
}

async function walk(entry: FileSystemEntry, inFolder: boolean): Promise<SourceInput[]> {
  if (inFolder && isHidden(entry.name)) return [];
  const name = entry.fullPath.replace(/^\//, '') || entry.name;
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
    return [inFolder ? { name, file, optional: true } : { name, file }];
  }
  if (!isDirectory(entry)) return [];
  const reader = entry.createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lists = await Promise.all(children.map((c) => walk(c, true)));
  return lists.flat();
}

const isFile = (e: FileSystemEntry): e is FileSystemFileEntry => e.isFile;
const isDirectory = (e: FileSystemEntry): e is FileSystemDirectoryEntry => e.isDirectory;
const isHidden = (path: string) => path.split('/').some((part) => part.startsWith('.'));
