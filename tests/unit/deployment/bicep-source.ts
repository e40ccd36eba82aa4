/**
 * Just enough reading of Bicep source to check a template's structure without the Bicep
 * compiler (not installable offline): declarations, resource types, module wiring and the
 * keys of object literals. Relies on the templates' formatting (one declaration per line,
 * balanced braces, `//` comments) — which `bicep format` also produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface BicepParam {
  name: string;
  type: string;
  hasDefault: boolean;
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
}

export interface BicepModule {
  symbol: string;
  file: string;
  /** Names given in the module's `params: { … }` block. */
  params: string[];
}

export class BicepFile {
  readonly text: string;
  /** The text without comments, for searches that must not be fooled by prose. */
  readonly code: string;

  constructor(readonly file: string) {
    this.text = readFileSync(file, 'utf8');
    this.code = withoutComments(this.text);
  }

  params(): BicepParam[] {
    return [...this.code.matchAll(/^param\s+(\w+)\s+(\w+)(.*)$/gm)].map((m) => ({
      name: m[1] as string,
      type: m[2] as string,
      hasDefault: /=/.test(m[3] ?? ''),
    }));
  }

  outputs(): string[] {
    return [...this.code.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1] as string);
  }

  resources(): BicepResource[] {
    return [...this.code.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'/gm)].map((m) => ({
      symbol: m[1] as string,
      type: m[2] as string,
      apiVersion: m[3] as string,
    }));
  }

  modules(): BicepModule[] {
    return [...this.code.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)].map((m) => {
      const body = this.blockAt((m.index ?? 0) + m[0].length - 1);
      const paramsAt = body.search(/\bparams:\s*\{/);
      const params = paramsAt === -1 ? '' : blockFrom(body, body.indexOf('{', paramsAt));
      return {
        symbol: m[1] as string,
        file: path.join(path.dirname(this.file), m[2] as string),
        params: topLevelKeys(params),
      };
    });
  }

  /** Top-level keys of the object literal assigned by `var <name> = { … }`. */
  varObjectKeys(name: string): string[] {
    const start = this.code.search(new RegExp(`^var\\s+${name}\\s*=\\s*\\{`, 'm'));
    if (start === -1) throw new Error(`var ${name} not found in ${this.file}`);
    return topLevelKeys(this.blockAt(this.code.indexOf('{', start)));
  }

  /** The value expression of `key:` in `var <name> = { … }` (one line). */
  varObjectValue(name: string, key: string): string | undefined {
    const start = this.code.search(new RegExp(`^var\\s+${name}\\s*=\\s*\\{`, 'm'));
    const block = this.blockAt(this.code.indexOf('{', start));
    return new RegExp(`^\\s*${key}:\\s*(.+)$`, 'm').exec(block)?.[1]?.trim();
  }

  /** Whether `symbol` is used anywhere besides its own declaration. */
  uses(symbol: string): boolean {
    const declaration = new RegExp(`^(param|var|resource|module|output)\\s+${symbol}\\b`, 'gm');
    const rest = this.code.replace(declaration, '');
    return new RegExp(`\\b${symbol}\\b`).test(rest);
  }

  private blockAt(openBrace: number): string {
    return blockFrom(this.code, openBrace);
  }
}

/** Drops `//` and `/* … *\/` comments, leaving string literals ('…', with \\' escapes) alone. */
function withoutComments(text: string): string {
  let result = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (inString) {
      result += char;
      if (char === '\\') result += text[++i] ?? '';
      else if (char === "'") inString = false;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i + 1] !== '\n') i += 1;
    } else if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      if (char === "'") inString = true;
      result += char;
    }
  }
  return result;
}

/** The text between the brace at `openBrace` and its partner (exclusive). */
function blockFrom(text: string, openBrace: number): string {
  let depth = 0;
  for (let i = openBrace; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return text.slice(openBrace + 1, i);
    }
  }
  throw new Error('unbalanced braces');
}

function topLevelKeys(block: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of block.split('\n')) {
    const key = depth === 0 ? /^\s*(\w+|'[^']+'):/.exec(line)?.[1] : undefined;
    if (key) keys.push(key.replace(/'/g, ''));
    for (const char of line) {
      if (char === '{' || char === '[') depth += 1;
      if (char === '}' || char === ']') depth -= 1;
    }
  }
  return keys;
}
