import { describe, expect, it } from 'vitest';
import {
  chooseRenderer,
  isSoftwareRenderer,
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
  const SWIFTSHADER =
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
  const canvas = (answer: 'throw' | null | string) => {
    const asked: unknown[] = [];
    let lost = 0;
    const probe: ProbeCanvas = {
      getContext(kind, options) {
        asked.push([kind, options]);
        if (answer === 'throw') throw new Error('no WebGL');
        if (answer === null) return null;
        return {
          getExtension: ((name: string) =>
            name === 'WEBGL_lose_context'
              ? { loseContext: () => lost++ }
              : name === 'WEBGL_debug_renderer_info'
                ? { UNMASKED_RENDERER_WEBGL: 0x9246 }
                : null) as never,
          getParameter: ((parameter: number) => (parameter === 0x9246 ? answer : 'WebKit WebGL')) as never,
        };
      },
    };
    return { probe, asked, lost: () => lost };
  };

  it('asks for WebGL2 that fails on a major performance caveat', () => {
    const { probe, asked } = canvas(null);
    expect(probeFastWebgl(probe)).toBe(false);
    expect(asked).toEqual([['webgl2', { failIfMajorPerformanceCaveat: true }]]);
  });

  it('finds a real GPU and gives the probe context back at once', () => {
    const { probe, lost } = canvas('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)');
    expect(probeFastWebgl(probe)).toBe(true);
    expect(lost()).toBe(1);
  });

  it('refuses SwiftShader, which headless Chromium hands out despite the caveat, and gives it back', () => {
    const { probe, lost } = canvas(SWIFTSHADER);
    expect(probeFastWebgl(probe)).toBe(false);
    expect(lost()).toBe(1);
  });

  it('knows the software rasterisers by name', () => {
    for (const name of [
      SWIFTSHADER,
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Mesa softpipe',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    ])
      expect(isSoftwareRenderer(name), name).toBe(true);
    for (const name of ['ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)', 'Apple M1'])
      expect(isSoftwareRenderer(name), name).toBe(false);
  });

  it('treats a browser that throws as having no GPU', () => {
    expect(probeFastWebgl(canvas('throw').probe)).toBe(false);
  });
});
