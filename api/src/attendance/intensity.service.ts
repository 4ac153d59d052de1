import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query';
import { derivedDataFor, participantWeekAllTypesKey } from '../episodes';
import { MetricsFilter, resolveScope } from '../filters';
import { scopeInfo, sessionProportion, TypeWeekRow, typeWeekBreakdown } from '../sessions-scope';
import { IntensityFigures, IntensityReport } from './intensity.model';
import { INTENSITY_DERIVED_SQL, INTENSITY_SQL, sessionScopeParams } from '@iop/metrics';

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
    const allTypes = participantWeekAllTypesKey(await derivedDataFor(this.dataSource, scope.asOf), scope);
    const rows: IntensityRow[] =
      allTypes === null
        ? await this.dataSource.query(INTENSITY_SQL, sessionScopeParams(scope))
        : await queryPrepared<IntensityRow>(this.dataSource, INTENSITY_DERIVED_SQL, [
            ...sessionScopeParams(scope),
            allTypes,
          ]);
    return { scope: scopeInfo(scope), ...typeWeekBreakdown(scope, rows, figures) };
  }
}
