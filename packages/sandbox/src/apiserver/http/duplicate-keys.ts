/**
 * Finds the keys a JSON document repeats, with their field paths, as kube-apiserver's strict
 * JSON decoder (sigs.k8s.io/json UnmarshalStrict) reports them: `duplicate field "spec.replicas"`,
 * list items as `spec.containers[0].name`. JSON.parse keeps the last value, as Go's decoder does;
 * this scan only adds what JSON.parse cannot tell. It assumes `text` already parsed as JSON.
 */
export function duplicateFields(text: string): string[] {
  const found: string[] = [];
  let i = 0;

  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };

  /** Moves past a string starting at its opening quote; returns where it started. */
  const skipString = (): number => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return start;
  };
  const readString = (): string => JSON.parse(text.slice(skipString(), i)) as string;

  const value = (path: string): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Set<string>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        const key = readString();
        const keyPath = path ? `${path}.${key}` : key;
        if (seen.has(key)) found.push(keyPath);
        seen.add(key);
        skipSpace();
        i++; // ':'
        value(keyPath);
        skipSpace();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${path}[${n}]`);
        skipSpace();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') {
      skipString();
      return;
    }
    // number, true, false, null
    while (i < text.length && !',]} \t\n\r'.includes(text[i] as string)) i++;
  };

  value('');
  return found.map((p) => `duplicate field ${JSON.stringify(p)}`);
}
