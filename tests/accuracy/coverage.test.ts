import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageLine, coverageOf } from '../../bench/coverage.js';
import { createEngine } from '../../src/core/engine/create-engine.js';
import { loadKnowledgeOrThrow } from '../../src/core/knowledge/load-knowledge.js';
import { ROOT, SHIPPED_KNOWLEDGE } from '../helpers/fixture-engine.js';

/**
 * Coverage of the reference lists (knowledge/reference/*.tsv): every item leads, through
 * `define` or `ask`, to an entry that names it; an item left out says why in a fifth column.
 * Floors are the covered counts reached so far: raise them with the knowledge, never lower one.
 * `npm run coverage -- --missing` lists what is missing.
 */
const FLOORS: Readonly<Record<string, number>> = {
  buildah: 41,
  'compose-file': 162,
  crictl: 40,
  ctr: 111,
  docker: 309,
  dockerfile: 84,
  helm: 59,
  'k8s-glossary': 170,
  'k8s-pod-errors': 133,
  kind: 24,
  kubeadm: 136,
  kubectl: 114,
  'lxc-classic': 32,
  'lxd-client': 764,
  minikube: 74,
  nerdctl: 105,
  podman: 245,
  skopeo: 12,
  // 113 rows, 16 sample folders named after products left out with a reason.
  'windows-containers': 97,
};

const knowledge = loadKnowledgeOrThrow(SHIPPED_KNOWLEDGE);
const coverage = coverageOf(
  createEngine(knowledge),
  knowledge,
  path.join(ROOT, 'knowledge/reference'),
);

describe('coverage of the reference lists', () => {
  it('has a floor for every list', () => {
    expect(coverage.map((c) => c.list).sort()).toEqual(Object.keys(FLOORS).sort());
  });

  for (const list of coverage) {
    it(coverageLine(list), () => {
      console.log(coverageLine(list));
      expect(list.covered).toBeGreaterThanOrEqual(FLOORS[list.list] ?? list.total);
    });
  }

  it('gives every left-out item a reason', () => {
    for (const list of coverage)
      for (const item of list.leftOut) expect(item.reason.length).toBeGreaterThan(10);
  });
});
