// The .ppk derivations, run in the key worker.
import type { Argon2Params } from '../ppk/format';
import type { PpkKdf } from '../ppk/kdf';
import { runKeyJob } from './pool';

function buf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const workerPpkKdf: PpkKdf = {
  async argon2(params: Argon2Params, passphrase: string) {
    const { output } = await runKeyJob({
      kind: 'argon2',
      ...params,
      salt: new Uint8Array(params.salt),
      passphrase,
    });
    return buf(output);
  },
  async v2Keys(passphrase: string) {
    const { cipherKey, macKey } = await runKeyJob({ kind: 'ppk2Keys', passphrase });
    return { cipherKey: buf(cipherKey), macKey: buf(macKey) };
  },
};
