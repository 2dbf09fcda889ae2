import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLabeller, commandWords } from '../../../bench/command-labels.js';
import {
  manPageQuestions,
  questionText,
  readManPages,
  tldrQuestions,
} from '../../../bench/independent-questions.js';
import { parseTldrPage, readTldrPages } from '../../../bench/tldr-pages.js';
import type { Entry, Tool } from '../../../src/core/types.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/tldr');

function command(id: string, syntax: string, tool = syntax.split(' ')[0] ?? ''): Entry {
  return {
    id,
    kind: 'command',
    title: id,
    aliases: [],
    tags: [],
    related: [],
    sources: [],
    tool,
    tasks: [],
    summary: `${id} summary`,
    body: '',
    file: `commands/${id}.md`,
    command: syntax,
    example: syntax,
    flags: [],
  };
}

function tool(id: string, spellings: string[]): Tool {
  return { id, name: id, spellings, impliedBy: [] };
}

const TOOLS = new Map([
  ['podman', tool('podman', ['podman'])],
  ['docker', tool('docker', ['docker'])],
  ['lxc', tool('lxc', ['lxc', 'lxc-*'])],
]);

const ENTRIES = [
  command('podman-pod', 'podman pod <subcommand>'),
  command('podman-pod-create', 'podman pod create [options]'),
  command('podman-pod-ps', 'podman pod ps [options]'),
  command('podman-ps', 'podman ps [options]'),
  command('podman-help', 'podman help [<command>...]'),
  command('ctr-run', 'ctr [-n <namespace>] run [options] <image-ref> <id>', 'ctr'),
  command('kubectl-cordon', 'kubectl (cordon | uncordon) <node>', 'kubectl'),
  command('lxc-create', 'lxc-create -n <name> -t <template>', 'lxc'),
  command('lxd-create', 'lxc create <image>', 'lxd'),
  command('crictl-images', 'crictl pull <image> | crictl images [<repo>] | crictl rmi <image>...'),
];

const ALIASES = new Map([
  ['podman container ls', 'podman ps'],
  ['podman pod ls', 'podman pod ps'],
  ['podman pod list', 'podman pod ps'],
]);

const label = commandLabeller(ENTRIES, ALIASES);

describe('reading a tldr page', () => {
  const page = parseTldrPage(
    '# podman pod\n\n> About pods.\n\n- Make a pod:\n\n`podman pod create`\n\n- No command here\n\n- List them:\n\n`podman pod ps`\n',
    'podman-pod.md',
  );

  it('takes the title as the page name', () => {
    expect(page.name).toBe('podman pod');
  });

  it('pairs each description, without its colon, with the command line after it', () => {
    expect(page.examples).toEqual([
      { description: 'Make a pod', command: 'podman pod create' },
      { description: 'List them', command: 'podman pod ps' },
    ]);
  });

  it('reads a folder of pages, a Linux page replacing the common one of the same name', () => {
    const pages = readTldrPages(FIXTURES);
    const lxc = pages.find((p) => p.name === 'lxc-create');
    expect(pages.map((p) => p.name).sort()).toEqual([
      'docker container diff',
      'helmfile',
      'lxc-create',
      'podman pod',
    ]);
    expect(lxc?.examples[0]?.description).toBe('Make an LXC container from a template');
  });

  it('says where the pages were expected when the folder has none', () => {
    expect(() => readTldrPages(path.join(FIXTURES, 'podman-man'))).toThrow(
      /No tldr pages in .*podman-man: expected pages\/linux\/ and pages\/common\//,
    );
  });
});

describe('the command words of an example or a syntax line', () => {
  it('stop at the first placeholder, option or shell syntax and drop sudo', () => {
    expect(commandWords('sudo kubectl get {{pods}} -A')).toEqual([['kubectl', 'get']]);
    expect(commandWords('podman pod create --name x')).toEqual([['podman', 'pod', 'create']]);
  });

  it('read each command of a shell line, past assignments and redirections', () => {
    expect(commandWords('echo "{{secret}}" | docker login --password-stdin')).toEqual([
      ['echo'],
      ['docker', 'login'],
    ]);
    expect(commandWords('EDITOR={{nano}} kubectl edit {{pod}}')).toEqual([['kubectl', 'edit']]);
    expect(commandWords('podman < {{path/to/file.tar}} load')).toEqual([['podman', 'load']]);
  });

  it('keep a hyphenated command as one word, so lxc-create is not lxc create', () => {
    expect(commandWords('lxc-create -n web')).toEqual([['lxc-create']]);
  });

  it('give one spelling per literal alternative, of one word or several', () => {
    expect(commandWords('docker {{[rm|container rm]}} {{[-f|--force]}} web')).toEqual([
      ['docker', 'rm'],
      ['docker', 'container', 'rm'],
    ]);
    expect(commandWords('podman {{start|stop}} {{container}}')).toEqual([
      ['podman', 'start'],
      ['podman', 'stop'],
    ]);
    expect(commandWords('kubectl (cordon | uncordon) <node>')).toEqual([
      ['kubectl', 'cordon'],
      ['kubectl', 'uncordon'],
    ]);
  });
});

describe('labelling an example by the command it runs', () => {
  it('expects the entry with the longest matching syntax', () => {
    expect(label('podman pod create --name {{name}}')).toEqual({
      expect: ['podman-pod-create'],
      matched: 'podman pod create',
    });
    expect(label('podman pod rm {{pod}}').expect).toEqual(['podman-pod']);
  });

  it('matches another spelling only where the reference lists call it an alias', () => {
    expect(label('podman {{[ps|container ls]}} {{[-a|--all]}}').expect).toEqual(['podman-ps']);
    expect(label('podman pod {{[ls|list]}}').expect).toEqual(['podman-pod-ps']);
    expect(label('podman container list').expect).toEqual([]);
  });

  it('matches a command the entry names among its aliases', () => {
    const pause = {
      ...command('podman-pause', 'podman pause <container>'),
      aliases: ['podman unpause'],
    };
    expect(commandLabeller([pause], ALIASES)('podman unpause web').expect).toEqual([
      'podman-pause',
    ]);
  });

  it('reads a syntax line past its global options and through its choices', () => {
    expect(label('ctr run docker.io/library/alpine:latest demo').expect).toEqual(['ctr-run']);
    expect(label('kubectl uncordon {{node}}').expect).toEqual(['kubectl-cordon']);
    expect(label('crictl rmi {{image}}').expect).toEqual(['crictl-images']);
    expect(label('podman pod ps | grep {{name}}').expect).toEqual(['podman-pod-ps']);
  });

  it('does not count the tool name alone as a match for a subcommand', () => {
    expect(label('podman volume prune')).toEqual({ expect: [], matched: '' });
  });

  it('tells the classic lxc-* tools from the LXD client', () => {
    expect(label('lxc-create -n web -t download').expect).toEqual(['lxc-create']);
    expect(label('lxc create images:alpine').expect).toEqual(['lxd-create']);
  });
});

describe('questions from the pages', () => {
  it('ask "with <tool>, <description>" in chat words', () => {
    expect(
      questionText('Look at [a]ll `running` containers', 'podman', TOOLS.get('podman') as Tool),
    ).toBe('with podman, look at all running containers');
  });

  it('do not name the tool twice when the description names it', () => {
    expect(questionText('Make an LXC container', 'lxc-create', TOOLS.get('lxc') as Tool)).toBe(
      'Make an LXC container',
    );
  });

  it('come one per example of the known tools, alias pages and unknown tools left out', () => {
    const questions = tldrQuestions(readTldrPages(FIXTURES), TOOLS, label);
    expect(questions.map((q) => [q.q, q.expect, q.area])).toEqual([
      ['Make an LXC container from a template', ['lxc-create'], 'lxc'],
      [
        'with podman, make an empty pod with a name of your choosing',
        ['podman-pod-create'],
        'podman',
      ],
      ['with podman, show the pods on this machine', ['podman-pod-ps'], 'podman'],
      ['Look at all containers of every pod in Podman', ['podman-ps'], 'podman'],
      ['with podman, tidy up the volumes nobody uses', [], 'podman'],
    ]);
  });

  it('come from a Podman man page NAME line, the command read from its SYNOPSIS', () => {
    const entries = [...ENTRIES, command('podman-auto-update', 'podman auto-update [options]')];
    const questions = manPageQuestions(
      readManPages(path.join(FIXTURES, 'podman-man')),
      TOOLS.get('podman') as Tool,
      commandLabeller(entries, ALIASES),
    );
    expect(questions.map((q) => [q.q, q.expect])).toEqual([
      ['with podman, bring containers up to date by their policy', ['podman-auto-update']],
    ]);
  });
});
