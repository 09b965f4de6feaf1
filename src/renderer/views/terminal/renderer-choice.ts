// Which renderer a terminal draws with. WebGL only on a real GPU: in software
// (SwiftShader in a VM, a remote desktop, --disable-gpu) WebGL is about five
// times slower than xterm.js's DOM renderer. Chromium keeps at most 16 WebGL
// contexts per page and silently drops the oldest beyond that, so only a
// visible terminal holds one, and a terminal whose context was lost once
// stays with the DOM (a GPU that resets once tends to reset again).
export type RendererKind = 'webgl' | 'dom';

/** Why: shown on the terminal as data-renderer-reason, for support and tests. */
export type RendererReason = 'gpu' | 'noGpu' | 'hidden' | 'contextLost' | 'contextLimit';

export interface RendererChoice {
  kind: RendererKind;
  reason: RendererReason;
}

/** Half of Chromium's 16: other canvases of the page count too. */
export const MAX_WEBGL_CONTEXTS = 8;

export interface RendererFacts {
  /** A WebGL2 context without a major performance caveat can be made (probeFastWebgl). */
  fastWebgl: boolean;
  visible: boolean;
  /** This terminal's WebGL context was lost, or could not be made. */
  contextLost: boolean;
  /** WebGL contexts other terminals of the page hold now. */
  contextsInUse: number;
}

export function chooseRenderer(facts: RendererFacts): RendererChoice {
  if (!facts.fastWebgl) return { kind: 'dom', reason: 'noGpu' };
  if (facts.contextLost) return { kind: 'dom', reason: 'contextLost' };
  if (!facts.visible) return { kind: 'dom', reason: 'hidden' };
  if (facts.contextsInUse >= MAX_WEBGL_CONTEXTS) return { kind: 'dom', reason: 'contextLimit' };
  return { kind: 'webgl', reason: 'gpu' };
}

/** The part of a canvas the probe uses. */
export interface ProbeCanvas {
  getContext(
    kind: 'webgl2',
    options: WebGLContextAttributes,
  ): Pick<WebGL2RenderingContext, 'getExtension' | 'getParameter'> | null;
}

/** Rasterisers on the CPU, by the names their drivers give (ANGLE's, Mesa's, Windows'). */
export function isSoftwareRenderer(name: string): boolean {
  return /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i.test(name);
}

/**
 * Whether the browser gives a WebGL2 context drawn by a GPU. With
 * `failIfMajorPerformanceCaveat` Chromium refuses some software contexts, but
 * not all: Chromium 156 started with --disable-gpu answers with SwiftShader
 * (through ANGLE's Vulkan), so the driver's name decides too. The probe's
 * context is released at once, so it does not count against the 16.
 */
export function probeFastWebgl(canvas: ProbeCanvas): boolean {
  try {
    const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !isSoftwareRenderer(renderer);
  } catch {
    return false;
  }
}

let fastWebgl: boolean | undefined;

/** probeFastWebgl once per page: the GPU does not change under it. */
export function pageHasFastWebgl(): boolean {
  fastWebgl ??= probeFastWebgl(document.createElement('canvas') as ProbeCanvas);
  return fastWebgl;
}
