import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsFilter, resolveScope } from '../filters';
import { ParticipantActivity } from './participant.model';
import { PARTICIPANT_CHECKINS_SQL, PARTICIPANT_EPISODES_SQL, PARTICIPANT_SESSIONS_SQL } from './participant.sql';

export const DEFAULT_PARTICIPANT_ROWS = 10;
export const MAX_PARTICIPANT_ROWS = 100;

@Injectable()
export class ParticipantService {
  constructor(private readonly dataSource: DataSource) {}

  /** The participant's last `rows` sessions and check-ins up to asOf, at the sites the reader may see. */
  async activity(
    participantId: string,
    filter: MetricsFilter | null | undefined,
    rows: number,
  ): Promise<ParticipantActivity> {
    if (participantId.length < 1 || participantId.length > 64) {
      throw new BadRequestException('participantId must be 1 to 64 characters');
    }
    if (!Number.isInteger(rows) || rows < 1 || rows > MAX_PARTICIPANT_ROWS) {
      throw new BadRequestException(`rows must be a whole number from 1 to ${MAX_PARTICIPANT_ROWS} (got ${rows})`);
    }
    // resolveScope limits the sites to the reader's own and checks the as-of date.
    const scope = await resolveScope(this.dataSource, { asOf: filter?.asOf, siteIds: filter?.siteIds });
    const params = [participantId, scope.siteIds, scope.asOf, rows];
    const episodes = await this.dataSource.query(PARTICIPANT_EPISODES_SQL, params.slice(0, 3));
    // Same answer for "no such participant" and "not at your sites": the reply tells nothing of others.
    if (episodes.length === 0) {
      throw new NotFoundException(`No episode of participant ${participantId} at your sites up to ${scope.asOf}.`);
    }
    const [sessions, checkins] = await Promise.all([
      this.dataSource.query(PARTICIPANT_SESSIONS_SQL, params),
      this.dataSource.query(PARTICIPANT_CHECKINS_SQL, params),
    ]);
    return { participantId, asOf: scope.asOf, episodes, sessions, checkins };
  }
}
