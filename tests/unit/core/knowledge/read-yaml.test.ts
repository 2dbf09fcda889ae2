import { describe, expect, it } from 'vitest';
import { parseYaml, readFrontMatter } from '../../../../src/core/knowledge/read-yaml.js';

describe('readFrontMatter: the fields between --- lines, and the Markdown after them', () => {
  it('parses the fields and keeps the body as written', () => {
    expect(readFrontMatter('---\nid: pod\naliases: [pods]\n---\n# Pod\n\nText.\n')).toEqual({
      ok: true,
      value: { data: { id: 'pod', aliases: ['pods'] }, body: '# Pod\n\nText.\n' },
    });
  });

  it('reads Windows line endings and a byte-order mark', () => {
    expect(readFrontMatter('\uFEFF---\r\nid: pod\r\n---\r\nText.\r\n')).toEqual({
      ok: true,
      value: { data: { id: 'pod' }, body: 'Text.\n' },
    });
  });

  it('keeps dates, "yes" and version numbers as the text they are (YAML 1.2 core schema)', () => {
    const read = readFrontMatter('---\nsince: 2024-01-02\nok: yes\nversion: 1.10\n---\n');
    expect(read.ok && read.value.data).toEqual({ since: '2024-01-02', ok: 'yes', version: 1.1 });
  });

  it('gives empty front matter as no fields, for the schema to report', () => {
    expect(readFrontMatter('---\n---\nText.\n')).toEqual({
      ok: true,
      value: { data: {}, body: 'Text.\n' },
    });
  });

  it.each([
    ['no front matter', 'Just text.\n', 'has no front matter: start the file with a --- line'],
    ['front matter never closed', '---\nid: pod\n', 'has front matter that is never closed'],
    [
      'invalid YAML, with its line in the file',
      '---\nid: pod\nid: again\n---\nText.\n',
      'has front matter that is not valid YAML: duplicated mapping key at line 3, column 1',
    ],
  ])('reports %s', (_, text, message) => {
    const read = readFrontMatter(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });
});

describe('parseYaml: whole YAML files', () => {
  it('parses a list of records', () => {
    expect(parseYaml('- id: a\n  title: A\n')).toEqual({ ok: true, value: [{ id: 'a', title: 'A' }] });
  });

  it('says what is wrong and where', () => {
    expect(parseYaml('- id: a\n  title: [A\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/^unexpected end of the stream within a flow collection at line 3, column 1$/),
    });
  });
});
