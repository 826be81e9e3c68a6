/**
 * The layer and suffix rules (eslint.config.mjs, docs/architecture.md) reject what they exist to reject: each
 * case is linted as if it were a file at that place in the tree, against the real files it imports.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layers', () => {
  it('accepts core importing core', async () => {
    expect(await problems('core/corner/example.std.ts', "import { area } from '../media/geometry.std';\nexport const size = area;\n")).toEqual([]);
  });

  it('rejects a core file that imports a service', async () => {
    const found = await problems('core/corner/example.std.ts', "import { sha256File } from '../../services/media/hash.node';\nexport const hash = sha256File;\n");
    expect(found.join('\n')).toMatch(/boundaries\/dependencies/);
  });

  it('rejects the renderer reaching into services or Electron main', async () => {
    expect((await problems('src/corner/example.dom.ts', "import { sha256File } from '../../services/media/hash.node';\nexport const hash = sha256File;\n")).join('\n')).toMatch(/boundaries\/dependencies/);
    expect((await problems('src/corner/example.dom.ts', "import { lockDownSession } from '../../electron/main/security.main';\nexport const x = lockDownSession;\n")).join('\n')).toMatch(/boundaries\/dependencies/);
  });

  it('rejects services importing the renderer', async () => {
    expect((await problems('services/corner/example.node.ts', "import { App } from '../../src/app/App.dom';\nexport const x = App;\n")).join('\n')).toMatch(/boundaries\/dependencies/);
  });
});

describe('suffixes', () => {
  it('rejects a .std file that imports Node, React or a .node file', async () => {
    expect((await problems('core/media/example.std.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).join('\n')).toMatch(/origin "core"/);
    expect((await problems('core/media/example.std.ts', "import { useState } from 'react';\nexport const x = useState;\n")).join('\n')).toMatch(/react/);
  });

  it('rejects a renderer file that imports Node', async () => {
    expect((await problems('src/sessions/example.dom.ts', "import path from 'node:path';\nexport const x = path;\n")).join('\n')).toMatch(/origin "core"/);
  });

  it('rejects a file whose suffix does not say where it runs', async () => {
    expect((await problems('core/media/example.ts', 'export const x = 1;\n')).join('\n')).toMatch(/end in \.std\.ts/);
    expect((await problems('services/media/example.ts', 'export const x = 1;\n')).join('\n')).toMatch(/end in \.node\.ts/);
    expect((await problems('src/app/Example.tsx', 'export const x = 1;\n')).join('\n')).toMatch(/end in \.dom\.ts/);
  });
});

describe('text in the UI', () => {
  const component = (jsx: string) =>
    problems('src/app/Example.dom.tsx', `import { t } from '../../core/i18n/i18n.std';\nexport const Example = ({ n }: { n: number }) => ${jsx};\n`);
  const refused = (found: string[]) => expect(found.join('\n')).toMatch(/no-restricted-syntax: .*catalogues/);
  const accepted = (found: string[]) => expect(found.filter((problem) => problem.startsWith('no-restricted-syntax'))).toEqual([]);

  it('refuses words written in JSX, as text, as a literal or in a template', async () => {
    refused(await component('<p>Save folder</p>'));
    refused(await component("<p>{'Save folder'}</p>"));
    refused(await component('<p>{`${n} clips`}</p>'));
    refused(await component('<>Ünïcode wörds</>'));
  });

  it('refuses words in the attributes people read or hear', async () => {
    refused(await component('<nav aria-label="SafeTake areas" />'));
    refused(await component('<button title="Remove this cost" />'));
    refused(await component('<input placeholder={`for example ${n}`} />'));
  });

  it('accepts catalogue messages, punctuation, the name SafeTake and attributes nobody reads', async () => {
    accepted(await component("<p title={t('app.areas')} className=\"panel-summary\" id={`tab-${n}`}>{t('app.areas')} · {n} —</p>"));
    accepted(await component('<h1>SafeTake</h1>'));
  });
});
