import { describe, expect, it } from 'vitest';
import {
  contentTerms,
  detectIntent,
  normaliseKey,
  stem,
} from '../../../../src/core/engine/normalise.js';

describe('normalise', () => {
  it('makes one key of spellings that differ in case, spaces, punctuation and accents', () => {
    for (const name of ['kube-apiserver', 'Kube APIServer', 'kubeapiserver', 'kube_apiserver']) {
      expect(normaliseKey(name)).toBe('kubeapiserver');
    }
    expect(normaliseKey('Ünïcode')).toBe('unicode');
  });

  it('stems plurals to one term, and is stable when applied twice', () => {
    expect(stem('pods')).toBe('pod');
    expect(stem('policies')).toBe('policy');
    expect(stem('process')).toBe('process');
    expect(stem('status')).toBe('status');
    expect(stem('k8s')).toBe('k8s');
    for (const word of ['containers', 'namespaces', 'entries', 'kubernetes']) {
      expect(stem(stem(word))).toBe(stem(word));
    }
  });

  it('drops question words and keeps subject words', () => {
    expect(contentTerms('What is a Pod?')).toEqual(['pod']);
    expect(contentTerms('How do I list containers with podman')).toEqual([
      'list',
      'container',
      'podman',
    ]);
    expect(contentTerms('tell me about the the the')).toEqual([]);
  });

  it('bounds the number of terms of a huge query', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    expect(contentTerms(words).length).toBeLessThanOrEqual(24);
  });
});

describe('detectIntent', () => {
  it.each([
    ['how do I create a pod?', 'how_to'],
    ['How can I list images', 'how_to'],
    ["what's the command to pull an image", 'how_to'],
    ['create a pod with podman', 'how_to'],
    ['hey, how to run a container', 'how_to'],
    ['what is a pod', 'definition'],
    ["what's etcd", 'definition'],
    ['define krypton', 'definition'],
    ['tell me about conmon', 'definition'],
    ['can a kubernetes pod have more than one container?', 'fact'],
    ['where does kubernetes store its cluster configuration?', 'fact'],
    ['how does kube-proxy work on windows?', 'fact'],
    ['how do labels and selectors work?', 'fact'],
    ['how do we roll back a release', 'how_to'],
    ['crun vs runc, which one?', 'fact'],
    ['liveness versus readiness probe', 'fact'],
    ['docker volume compared to a bind mount', 'fact'],
    ['how do I pick between crun vs runc', 'how_to'],
    ['pod networking', 'neutral'],
    ['vsock devices', 'neutral'],
  ])('%s → %s', (question, intent) => {
    expect(detectIntent(question)).toBe(intent);
  });
});
