import { describe, expect, it } from 'vitest';
import { ToolDetector } from '../../../../src/core/engine/tool-detection.js';
import { loadKnowledgeOrThrow } from '../../../../src/core/knowledge/load-knowledge.js';
import { SHIPPED_KNOWLEDGE } from '../../../helpers/fixture-engine.js';

/**
 * "lxc" is two tools' word: LXD's client is called `lxc` (`lxc stop c1`), and LXC's classic tools
 * are `lxc-stop`, `lxc-attach`… In the shipped tools a bare "lxc" names LXD's client; the classic
 * tools are named by their hyphenated names or as "lxc classic".
 */
const detector = new ToolDetector(loadKnowledgeOrThrow(SHIPPED_KNOWLEDGE).tools);
const named = (question: string) => [...detector.detect(question).named].sort();

describe('the two lxc tools', () => {
  it('reads a bare "lxc" as LXD’s client', () => {
    expect(named('lxc stop my container')).toEqual(['lxd']);
    expect(named('with lxc, stop a container')).toEqual(['lxd']);
  });

  it('reads the hyphenated names and "lxc classic" as the classic tools', () => {
    expect(named('lxc-stop a container')).toEqual(['lxc']);
    expect(named('with lxc classic, stop a container')).toEqual(['lxc']);
  });
});
