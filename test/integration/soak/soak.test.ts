// The soak's shortened form in `npm test`: 20 sessions (reused, separate,
// through a jump host) with output flowing for 6 s while ssh-add asks the
// app's agent every 250 ms; nothing may fail, grow or be left behind (see
// soak.ts). The full form with printed figures is `npm run soak`.
import { describe, expect, it } from 'vitest';
import { runSoak } from './soak';

describe('load and soak, shortened', () => {
  it('20 sessions with output flowing: no errors, the agent answering, nothing left behind', async () => {
    const { problems, report } = await runSoak({ seconds: 6 });
    // The figures only when it fails: the test stays quiet otherwise.
    expect(problems, report).toEqual([]);
  });
});
