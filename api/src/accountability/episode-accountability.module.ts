import { Module } from '@nestjs/common';
import { EpisodeAccountabilityResolver } from './episode-accountability.resolver';
import { EpisodeAccountabilityService } from './episode-accountability.service';

@Module({ providers: [EpisodeAccountabilityResolver, EpisodeAccountabilityService] })
export class EpisodeAccountabilityModule {}
