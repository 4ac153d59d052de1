// The adjusted comparison's service alone, in one process, on a loaded database: where its time
// goes (run with `node --cpu-prof`). Not a test. `tsc -p api/bench/tsconfig.json && node
// tmp/api-bench/bench/adjusted-profile.js --database-url postgres://…/db [--runs 5]`.
import 'reflect-metadata';
import { createDataSource } from '@iop/db';
import { AdjustedComparisonService } from '../src/adjusted/adjusted.service';
import { AdjustedOutcome } from '../src/adjusted/adjusted.model';
import { addDays } from '../src/episodes';

async function main(argv: string[]) {
  const url = argv[argv.indexOf('--database-url') + 1]!;
  const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 5;
  const dataSource = await createDataSource(url, { poolSize: 4 }).initialize();
  try {
    const service = new AdjustedComparisonService(dataSource);
    const asOf = (
      (await dataSource.query(`SELECT to_char(as_of, 'YYYY-MM-DD') AS d FROM derived.meta`)) as { d: string }[]
    )[0]!.d;
    const periods: [string, object][] = [
      ['last 90 days', { from: addDays(asOf, -89), to: asOf, asOf }],
      ['last 12 months', { from: addDays(asOf, -364), to: asOf, asOf }],
      ['all history', { to: asOf, asOf }],
    ];
    for (const outcome of [AdjustedOutcome.dropout, AdjustedOutcome.completion]) {
      for (const [name, filter] of periods) {
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await service.adjustedComparison(filter as never, null, outcome);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        process.stdout.write(
          `${outcome} ${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(', ')})\n`,
        );
      }
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
