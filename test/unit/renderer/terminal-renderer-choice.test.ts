import { describe, expect, it } from 'vitest';
import {
  chooseRenderer,
  MAX_WEBGL_CONTEXTS,
  probeFastWebgl,
  type ProbeCanvas,
  type RendererFacts,
} from '../../../src/renderer/views/terminal/renderer-choice';

const facts = (over: Partial<RendererFacts> = {}): RendererFacts => ({
  fastWebgl: true,
  visible: true,
  contextLost: false,
  contextsInUse: 0,
  ...over,
});

describe('terminal renderer choice', () => {
  it('draws a visible terminal with WebGL on a real GPU', () => {
    expect(chooseRenderer(facts())).toEqual({ kind: 'webgl', reason: 'gpu' });
  });

  it('uses the DOM without a GPU (software WebGL is slower than the DOM), visible or not', () => {
    expect(chooseRenderer(facts({ fastWebgl: false }))).toEqual({ kind: 'dom', reason: 'noGpu' });
    expect(chooseRenderer(facts({ fastWebgl: false, visible: false }))).toEqual({
      kind: 'dom',
      reason: 'noGpu',
    });
  });

  it('gives a hidden terminal no context', () => {
    expect(chooseRenderer(facts({ visible: false }))).toEqual({ kind: 'dom', reason: 'hidden' });
  });

  it('stays with the DOM after the context was lost, also when shown again', () => {
    expect(chooseRenderer(facts({ contextLost: true }))).toEqual({ kind: 'dom', reason: 'contextLost' });
  });

  it('keeps below the page limit of contexts', () => {
    expect(chooseRenderer(facts({ contextsInUse: MAX_WEBGL_CONTEXTS - 1 })).kind).toBe('webgl');
    expect(chooseRenderer(facts({ contextsInUse: MAX_WEBGL_CONTEXTS }))).toEqual({
      kind: 'dom',
      reason: 'contextLimit',
    });
    expect(MAX_WEBGL_CONTEXTS).toBeLessThan(16);
  });
});

describe('fast WebGL probe', () => {
  const canvas = (answer: 'context' | 'null' | 'throw') => {
    const asked: unknown[] = [];
    let lost = 0;
    const probe: ProbeCanvas = {
      getContext(kind, options) {
        asked.push([kind, options]);
        if (answer === 'throw') throw new Error('no WebGL');
        if (answer === 'null') return null;
        return {
          getExtension: ((name: string) =>
            name === 'WEBGL_lose_context' ? { loseContext: () => lost++ } : null) as never,
        };
      },
    };
    return { probe, asked, lost: () => lost };
  };

  it('asks for WebGL2 that fails on a major performance caveat (software rendering)', () => {
    const { probe, asked } = canvas('null');
    expect(probeFastWebgl(probe)).toBe(false);
    expect(asked).toEqual([['webgl2', { failIfMajorPerformanceCaveat: true }]]);
  });

  it('finds a real GPU and gives the probe context back at once', () => {
    const { probe, lost } = canvas('context');
    expect(probeFastWebgl(probe)).toBe(true);
    expect(lost()).toBe(1);
  });

  it('treats a browser that throws as having no GPU', () => {
    expect(probeFastWebgl(canvas('throw').probe)).toBe(false);
  });
});
