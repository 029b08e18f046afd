/** A small VS Code snippet expander for tests: every placeholder takes its default. */
/** Expands a snippet body as VS Code would with every default accepted. */
export function expand(body: string[], variables: Record<string, string> = { CURRENT_YEAR: '2023' }): string {
  const values = new Map<string, string>();
  let text = body.join('\n');
  const variable = (s: string) => s.replace(/\$([A-Z_]+)|\$\{([A-Z_]+)\}/g, (_m, a: string, b: string) => variables[a ?? b] ?? '');
  // ${n:default}: the first occurrence sets the value
  text = text.replace(/\$\{(\d+):([^}]*)\}/g, (_m, n: string, def: string) => {
    const v = values.get(n) ?? variable(def);
    values.set(n, v);
    return v;
  });
  text = text.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, n: string, choices: string) => {
    const v = values.get(n) ?? choices.split(',')[0]!;
    values.set(n, v);
    return v;
  });
  text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a: string, b: string) => values.get(a ?? b) ?? '');
  return variable(text);
}

