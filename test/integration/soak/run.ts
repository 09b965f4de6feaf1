// `npm run soak`: the soak's full form (soak.ts), printing its figures.
// SOAK_SECONDS (default 60) is how long output flows; SOAK_BURSTS (default 2)
// and SOAK_FLOODS (default 0) how many of the 20 sessions print 2.5 MB/s
// bursts or run `yes` unthrottled; SOAK_AGENT_BOUND_MS (default 2000) bounds
// each `ssh-add -l`. Progress goes to stderr, the figures to stdout; the exit
// code is 1 when anything failed.
import { runSoak } from './soak';

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`);
  return value;
};

const { problems, report } = await runSoak({
  seconds: number('SOAK_SECONDS', 60),
  bursts: number('SOAK_BURSTS', 2),
  floods: number('SOAK_FLOODS', 0),
  agentBoundMs: number('SOAK_AGENT_BOUND_MS', 2000),
  progress: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${report}\n`);
process.exit(problems.length === 0 ? 0 : 1);
