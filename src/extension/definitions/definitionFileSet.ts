// The workspace's definition files in memory: what is on disk, overridden by what is open in an editor.
// Cross-file rules (unique names, one document per group, template references) need the whole set. Pure.
import { DefinitionFile } from '../../definitions/model';

export { isDefinitionFileName } from '../../definitions/discovery';

export interface TrackedFile extends DefinitionFile {
  /** Stable identity (a URI string); `path` is what findings and messages show. */
  key: string;
  /** The editor's document version while the file is open; undefined for disk content. */
  version?: number;
}

export class DefinitionFileSet {
  private readonly files = new Map<string, TrackedFile>();

  /** Disk content; ignored while an editor has the file open, because the editor's text is newer. */
  setFromDisk(key: string, path: string, text: string): boolean {
    const current = this.files.get(key);
    if (current?.version !== undefined) return false;
    if (current && current.text === text && current.path === path) return false;
    this.files.set(key, { key, path, text });
    return true;
  }

  setFromEditor(key: string, path: string, text: string, version: number): boolean {
    const current = this.files.get(key);
    if (current && current.version === version && current.text === text) return false;
    this.files.set(key, { key, path, text, version });
    return true;
  }

  /** The editor closed: keep the text until the disk content is read again. */
  closeEditor(key: string): void {
    const current = this.files.get(key);
    if (current) this.files.set(key, { key, path: current.path, text: current.text });
  }

  delete(key: string): boolean {
    return this.files.delete(key);
  }

  has(key: string): boolean {
    return this.files.has(key);
  }

  get(key: string): TrackedFile | undefined {
    return this.files.get(key);
  }

  get size(): number {
    return this.files.size;
  }

  snapshot(): TrackedFile[] {
    return [...this.files.values()];
  }
}
