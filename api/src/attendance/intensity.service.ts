import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { metricsReader } from '../episodes';
import { MetricsFilter, resolveScope } from '../filters';
import { scopeInfo, sessionProportion, TypeWeekRow, typeWeekBreakdown } from '../sessions-scope';
import { IntensityFigures, IntensityReport } from './intensity.model';
import { readIntensityRows } from '@iop/metrics';

interface IntensityRow extends TypeWeekRow {
  participantWeeks: number;
  unknownHours: number;
  met: number;
}

function figures(row: IntensityRow | undefined): IntensityFigures {
  const participantWeeks = row?.participantWeeks ?? 0;
  const unknownHoursWeeks = row?.unknownHours ?? 0;
  return {
    participantWeeks,
    unknownHoursWeeks,
    intensityMet: sessionProportion(row?.met ?? 0, participantWeeks - unknownHoursWeeks),
  };
}

@Injectable()
export class IntensityService {
  constructor(private readonly dataSource: DataSource) {}

  async intensity(filter: MetricsFilter | null | undefined): Promise<IntensityReport> {
    const scope = await resolveScope(this.dataSource, filter);
    const { run, stamp } = await metricsReader(this.dataSource);
    const rows = await readIntensityRows<IntensityRow>(run, stamp, scope);
    return { scope: scopeInfo(scope), ...typeWeekBreakdown(scope, rows, figures) };
  }
}
