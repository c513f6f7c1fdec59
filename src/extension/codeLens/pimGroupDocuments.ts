// Where each PimGroup document of a definition file starts, and its metadata.name, read from the text alone so
// CodeLens can place itself on any version of the file without waiting for validation. Pure.

export interface PimGroupDocument {
  /** 0-based line of the document's first key (CodeLens goes above it). */
  line: number;
  name?: string;
}

const SEPARATOR = /^---\s*(#.*)?$/;
const KIND = /^kind:\s*(["']?)PimGroup\1\s*(#.*)?$/;
const TOP_LEVEL_KEY = /^[^\s#-][^:]*:/;

function unquote(value: string): string {
  const v = value.replace(/\s+#.*$/, '').trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

export function findPimGroupDocuments(text: string): PimGroupDocument[] {
  const lines = text.split(/\r?\n/);
  const out: PimGroupDocument[] = [];
  let start: number | undefined;
  let isGroup = false;
  let name: string | undefined;
  let inMetadata = false;
  const close = () => {
    if (isGroup && start !== undefined) out.push({ line: start, ...(name ? { name } : {}) });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (SEPARATOR.test(line)) {
      close();
      start = undefined;
      isGroup = false;
      name = undefined;
      inMetadata = false;
      continue;
    }
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (start === undefined) start = i;
    if (KIND.test(line)) isGroup = true;
    if (TOP_LEVEL_KEY.test(line)) {
      inMetadata = /^metadata:\s*(#.*)?$/.test(line);
      continue;
    }
    const nameMatch = inMetadata && name === undefined ? /^\s+name:\s*(.+)$/.exec(line) : null;
    if (nameMatch) name = unquote(nameMatch[1]);
  }
  close();
  return out;
}
